package com.crossdock.tenantconfig.truth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnershipRulesTest {

    @Test
    void everyKindOfDataHasADefaultOwnerThatTheRulesAllow() {
        assertThat(OwnershipRules.DEFAULTS).containsOnlyKeys(DataType.values());
        OwnershipRules.DEFAULTS.forEach((type, owner) -> assertThat(OwnershipRules.refusal(type, owner))
                .as(type + " owned by " + owner).isEmpty());
    }

    @Test
    void theWarehouseOwnsAvailableInventoryByDefaultAndTheStoreOrTheErpMayTakeItOver() {
        assertThat(OwnershipRules.DEFAULTS.get(DataType.AVAILABLE_INVENTORY)).isEqualTo(SystemKind.WMS);
        assertThat(OwnershipRules.allowedOwners(DataType.AVAILABLE_INVENTORY))
                .containsExactly(SystemKind.WMS, SystemKind.CHANNEL, SystemKind.ERP);
    }

    @Test
    void crossdockCannotOwnAvailableInventory() {
        assertThat(OwnershipRules.refusal(DataType.AVAILABLE_INVENTORY, SystemKind.PORTAL)).get().asString()
                .contains("does not count stock");
    }

    @Test
    void aChannelCannotOwnOnHandByStatus() {
        assertThat(OwnershipRules.refusal(DataType.ON_HAND_BY_STATUS, SystemKind.CHANNEL)).get().asString()
                .contains("only the warehouse");
    }

    @Test
    void theErpCannotOwnOnHandByStatus() {
        assertThat(OwnershipRules.refusal(DataType.ON_HAND_BY_STATUS, SystemKind.ERP)).get().asString()
                .contains("only the warehouse");
    }

    @Test
    void crossdockCannotOwnOnHandByStatus() {
        assertThat(OwnershipRules.refusal(DataType.ON_HAND_BY_STATUS, SystemKind.PORTAL)).isPresent();
        assertThat(OwnershipRules.allowedOwners(DataType.ON_HAND_BY_STATUS)).containsExactly(SystemKind.WMS);
    }

    @Test
    void theWarehouseCannotOwnOrderStatus() {
        assertThat(OwnershipRules.refusal(DataType.ORDER_STATUS, SystemKind.WMS)).get().asString()
                .contains("only sees released orders");
    }

    @Test
    void theStoreCannotOwnShipmentsAndTracking() {
        assertThat(OwnershipRules.refusal(DataType.SHIPMENT_TRACKING, SystemKind.CHANNEL)).isPresent();
    }

    @Test
    void theErpCannotOwnShipmentsAndTracking() {
        assertThat(OwnershipRules.refusal(DataType.SHIPMENT_TRACKING, SystemKind.ERP)).isPresent();
    }

    @Test
    void theErpCannotOwnShippingLabels() {
        assertThat(OwnershipRules.refusal(DataType.SHIPPING_LABELS, SystemKind.ERP)).isPresent();
        assertThat(OwnershipRules.refusal(DataType.SHIPPING_LABELS, SystemKind.CHANNEL)).as("labels bought in the store")
                .isEmpty();
    }

    @Test
    void theWarehouseCannotOwnBundleDefinitions() {
        assertThat(OwnershipRules.refusal(DataType.BUNDLE_DEFINITION, SystemKind.WMS)).isPresent();
    }

    @Test
    void theWarehouseCannotOwnProductMasterData() {
        assertThat(OwnershipRules.refusal(DataType.MASTER_SKU_DATA, SystemKind.WMS)).get().asString()
                .contains("cannot be the master");
    }

    @Test
    void aChannelCannotDecideReturnsDisposition() {
        assertThat(OwnershipRules.refusal(DataType.RETURNS_DISPOSITION, SystemKind.CHANNEL)).isPresent();
    }

    @Test
    void everyRefusalIsListedOnceAndEveryKindOfDataKeepsAnOwnerToChoose() {
        assertThat(OwnershipRules.REFUSED).extracting(rule -> rule.dataType() + "/" + rule.system())
                .doesNotHaveDuplicates();
        for (DataType type : DataType.values()) {
            assertThat(OwnershipRules.allowedOwners(type)).as(type.label()).isNotEmpty();
        }
    }
}
