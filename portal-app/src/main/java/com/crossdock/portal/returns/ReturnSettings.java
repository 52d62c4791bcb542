package com.crossdock.portal.returns;

import java.util.List;

/**
 * A tenant's returns rules.
 *
 * @param alwaysInspectHazmat hazmat items are always held for inspection, whatever other rule says
 * @param autoRestockSkus     unopened units of these SKUs go straight back to available stock
 */
public record ReturnSettings(boolean alwaysInspectHazmat, List<String> autoRestockSkus) {

    public ReturnSettings {
        autoRestockSkus = List.copyOf(autoRestockSkus);
    }
}
