package com.crossdock.portal.uat;

import java.time.Instant;

/** One sign-off of a run: by whom, in which role, when, and at which configuration version. */
public record SignOffView(SignOffRole role, String signedBy, String signedByName, Instant signedAt,
        long configVersion) {
}
