package com.crossdock.tenantconfig.truth;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One kind of exception, as its queue: the reason code, what it means to people, whose it is by default and how fast
 * it should be answered.
 *
 * @param code            the reason code exceptions are recorded with
 * @param label           what the reason means, for the Setup table
 * @param followsOwnerOf  the kind of data whose owner answers for it (so the queue follows the source of truth),
 *                        or null when it does not depend on data ownership
 * @param fixedParty      who answers for it when it follows no data type ("Brand" or "3PL")
 * @param response        how soon it should be answered by default
 */
public record ExceptionReason(String code, String label, @Nullable DataType followsOwnerOf, String fixedParty,
        Duration response) {

    public ExceptionReason {
        Objects.requireNonNull(code, "code");
        if (!fixedParty.equals(BRAND) && !fixedParty.equals(THREE_PL)) {
            throw new IllegalArgumentException("party must be Brand or 3PL: " + fixedParty);
        }
        if (response.isNegative() || response.isZero()) {
            throw new IllegalArgumentException("response time must be positive: " + response);
        }
    }

    /** The brand's side. */
    public static final String BRAND = "Brand";
    /** The 3PL's side. */
    public static final String THREE_PL = "3PL";

    /** Who answers for this reason when the tenant's owners are {@code owners}. */
    public String defaultParty(java.util.function.Function<DataType, SystemKind> owners) {
        return followsOwnerOf == null ? fixedParty : owners.apply(followsOwnerOf).party();
    }
}
