package com.crossdock.portal.governance;

import java.time.Instant;
import java.util.UUID;

/**
 * One of the store's shipping methods mapped to the warehouse's carrier and service.
 *
 * @param serviceLevel the store's shipping method code (or title), upper case, as orders carry it
 * @param carrierScac  the warehouse's carrier (Standard Carrier Alpha Code)
 * @param serviceCode  the warehouse's service code of that carrier
 */
public record ShipMethodMapping(UUID id, String serviceLevel, String carrierScac, String serviceCode,
        String changedBy, Instant changedAt) {
}
