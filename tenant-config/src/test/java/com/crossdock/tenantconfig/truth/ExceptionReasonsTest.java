package com.crossdock.tenantconfig.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExceptionReasonsTest {

    @Test
    void everyCodeIsListedOnceWithAPositiveResponseTime() {
        assertThat(ExceptionReasons.ALL).extracting(ExceptionReason::code).doesNotHaveDuplicates();
        assertThat(ExceptionReasons.ALL).allSatisfy(reason -> assertThat(reason.response()).isPositive());
    }

    @Test
    void aQueueOfOwnedDataFollowsItsOwnerAndTheOthersKeepTheirSide() {
        Map<DataType, SystemKind> owners = new EnumMap<>(OwnershipRules.DEFAULTS);
        ExceptionReason unknownSku = ExceptionReasons.of("UNKNOWN_SKU").orElseThrow();
        assertThat(unknownSku.defaultParty(owners::get)).as("Crossdock owns master data by default")
                .isEqualTo("3PL");
        owners.put(DataType.MASTER_SKU_DATA, SystemKind.ERP);
        assertThat(unknownSku.defaultParty(owners::get)).as("the brand's ERP owns it now").isEqualTo("Brand");
        assertThat(ExceptionReasons.of("CHANNEL_UNAVAILABLE").orElseThrow().defaultParty(owners::get))
                .isEqualTo("Brand");
        assertThat(ExceptionReasons.orUnlisted("SOMETHING_NEW")).isEqualTo(ExceptionReasons.UNLISTED);
    }

    @Test
    void aPartyIsBrandOr3plAndAResponseTimeIsPositive() {
        assertThatThrownBy(() -> new ExceptionReason("X", "x", null, "Warehouse", Duration.ofHours(1)))
                .hasMessageContaining("Brand or 3PL");
        assertThatThrownBy(() -> new ExceptionReason("X", "x", null, "3PL", Duration.ZERO))
                .hasMessageContaining("positive");
    }
}
