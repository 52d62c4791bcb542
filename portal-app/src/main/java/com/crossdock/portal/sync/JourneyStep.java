package com.crossdock.portal.sync;

import java.time.Instant;

/** One step of an order's journey: received, normalised, held, released, cancelled, ... */
public record JourneyStep(Instant at, String step, String detail) {
}
