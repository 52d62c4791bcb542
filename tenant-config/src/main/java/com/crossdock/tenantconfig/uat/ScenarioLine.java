package com.crossdock.tenantconfig.uat;

import org.jspecify.annotations.Nullable;

/**
 * One line of a step: units of the item picked for a role, or (for an order) a SKU the catalog does not know.
 *
 * @param item     the role name ({@code A}, {@code BUNDLE}, ...) declared in the template's items; null when unknown
 * @param quantity units, 1 to 999
 * @param unknown  whether the line is a SKU the catalog does not know (only on {@code PLACE_ORDER})
 */
public record ScenarioLine(@Nullable String item, int quantity, boolean unknown) {
}
