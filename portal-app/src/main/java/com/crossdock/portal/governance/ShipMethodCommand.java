package com.crossdock.portal.governance;

import org.jspecify.annotations.Nullable;

/**
 * A ship-method mapping as a person enters it.
 *
 * @param serviceLevel the store's shipping method code or title
 * @param carrierScac  the warehouse's carrier code (2 to 4 letters)
 * @param serviceCode  the warehouse's service code
 */
public record ShipMethodCommand(@Nullable String serviceLevel, @Nullable String carrierScac,
        @Nullable String serviceCode) {
}
