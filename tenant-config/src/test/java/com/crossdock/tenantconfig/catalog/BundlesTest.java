package com.crossdock.tenantconfig.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.tenantconfig.catalog.BundleDefinition.Component;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundlesTest {

    private static final Sku GIFT_SET = Sku.of("GIFT-SET");
    private static final Sku CANDLE_TRIO = Sku.of("CANDLE-TRIO");
    private static final Sku CANDLE = Sku.of("CANDLE");
    private static final Sku MATCHES = Sku.of("MATCHES");
    private static final Sku PREBUILT_KIT = Sku.of("KIT-PREBUILT");

    @Test
    void aNestedVirtualBundleExplodesIntoItsLeavesWithQuantitiesMultiplied() {
        Bundles bundles = Bundles.of(List.of(
                new BundleDefinition(GIFT_SET, BundleKind.VIRTUAL, List.of(new Component(CANDLE_TRIO, 2),
                        new Component(MATCHES, 1))),
                new BundleDefinition(CANDLE_TRIO, BundleKind.VIRTUAL, List.of(new Component(CANDLE, 3)))));

        assertThat(bundles.explode(GIFT_SET, 5)).isEqualTo(Map.of(CANDLE, 30L, MATCHES, 5L));
    }

    @Test
    void aPhysicalKitIsPickedAsItself() {
        Bundles bundles = Bundles.of(List.of(
                new BundleDefinition(PREBUILT_KIT, BundleKind.PHYSICAL, List.of(new Component(CANDLE, 4)))));
        assertThat(bundles.explode(PREBUILT_KIT, 2)).isEqualTo(Map.of(PREBUILT_KIT, 2L));
        assertThat(bundles.isVirtualBundle(PREBUILT_KIT)).isFalse();
    }

    @Test
    void aLoopThroughSeveralBundlesIsRefusedAndNamed() {
        assertThatThrownBy(() -> Bundles.of(List.of(
                new BundleDefinition(GIFT_SET, BundleKind.VIRTUAL, List.of(new Component(CANDLE_TRIO, 1))),
                new BundleDefinition(CANDLE_TRIO, BundleKind.VIRTUAL, List.of(new Component(PREBUILT_KIT, 1))),
                new BundleDefinition(PREBUILT_KIT, BundleKind.PHYSICAL, List.of(new Component(GIFT_SET, 1))))))
                .isInstanceOfSatisfying(BundleCycleException.class, e -> assertThat(e.cycle())
                        .containsExactly(CANDLE_TRIO, PREBUILT_KIT, GIFT_SET, CANDLE_TRIO))
                .hasMessageContaining("CANDLE-TRIO → KIT-PREBUILT → GIFT-SET → CANDLE-TRIO");
    }

    @Test
    void badDefinitionsAreRefusedWithAReason() {
        assertThatThrownBy(() -> new BundleDefinition(GIFT_SET, BundleKind.VIRTUAL, List.of()))
                .hasMessage("Bundle GIFT-SET has no components");
        assertThatThrownBy(() -> new BundleDefinition(GIFT_SET, BundleKind.VIRTUAL,
                List.of(new Component(GIFT_SET, 1)))).hasMessage("Bundle GIFT-SET cannot contain itself");
        assertThatThrownBy(() -> new Component(CANDLE, 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new BundleDefinition(GIFT_SET, BundleKind.VIRTUAL,
                List.of(new Component(CANDLE, 1), new Component(CANDLE, 2)))).hasMessageContaining("twice");
    }

    @Test
    void skusAreTrimmedAndFoldedForDuplicateChecks() {
        assertThat(Sku.of(" ab-1 ").value()).isEqualTo("ab-1");
        assertThat(Sku.of("ab-1").folded()).isEqualTo(Sku.of("AB-1").folded());
        assertThatThrownBy(() -> Sku.of("  ")).hasMessage("A SKU cannot be empty");
    }
}
