package com.crossdock.tenantconfig.truth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnershipCheckTest {

    @Test
    void onlyTheOwnerChangesItsData() {
        for (DataType type : DataType.values()) {
            for (SystemKind owner : SystemKind.values()) {
                assertThat(new OwnershipCheck(type, owner, owner).allowed()).isTrue();
            }
        }
        assertThat(new OwnershipCheck(DataType.ORDER_STATUS, SystemKind.ERP, SystemKind.CHANNEL).allowed())
                .isFalse();
        assertThat(new OwnershipCheck(DataType.BUNDLE_DEFINITION, SystemKind.CHANNEL, SystemKind.PORTAL).allowed())
                .isFalse();
    }

    @Test
    void theBrandsErpWritesItemsThroughCrossdocksApiWhileCrossdockOwnsThem() {
        assertThat(new OwnershipCheck(DataType.MASTER_SKU_DATA, SystemKind.PORTAL, SystemKind.ERP).allowed())
                .isTrue();
        assertThat(new OwnershipCheck(DataType.MASTER_SKU_DATA, SystemKind.ERP, SystemKind.PORTAL).allowed())
                .as("people in Crossdock do not edit what the ERP owns").isFalse();
        assertThat(new OwnershipCheck(DataType.BUNDLE_DEFINITION, SystemKind.PORTAL, SystemKind.ERP).allowed())
                .as("only item data").isFalse();
    }

    @Test
    void theRefusalNamesOwnerKindChangeSourceAndWhatToDo() {
        assertThat(new OwnershipCheck(DataType.ORDER_STATUS, SystemKind.ERP, SystemKind.CHANNEL)
                .refusal("a cancellation of #1001")).isEqualTo("Brand ERP owns order status in this brand's source "
                + "of truth, so a cancellation of #1001 from Sales channel was not applied. Make the change in Brand "
                + "ERP, or a brand admin makes Sales channel the owner in Setup.");
        assertThat(new OwnershipCheck(DataType.SHIPMENT_TRACKING, SystemKind.PORTAL, SystemKind.CHANNEL)
                .refusal("a shipment")).as("a source that cannot own it is not offered as the owner")
                .endsWith("Make the change in Crossdock; Sales channel cannot own shipment and tracking.");
        assertThat(new OwnershipCheck(DataType.MASTER_SKU_DATA, SystemKind.ERP, SystemKind.PORTAL).party())
                .isEqualTo("Brand");
    }

    @Test
    void everyKindAndOwnerHasOneShortLineOfWhatIsEnforced() {
        for (DataType type : DataType.values()) {
            for (SystemKind owner : SystemKind.values()) {
                assertThat(Enforcement.line(type, owner)).isNotBlank().hasSizeLessThan(130);
            }
        }
        assertThat(Enforcement.line(DataType.ORDER_STATUS, SystemKind.ERP)).contains("Brand ERP (Brand)");
    }
}
