package com.crossdock.portal.health;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;

/**
 * The hypercare daily review of one tenant and day: each line a check with what was expected, what happened and
 * whether it needs a look.
 */
public record HypercareReview(TenantId tenant, String tenantName, LocalDate day, List<Line> lines,
        List<Leadership.Pattern> repeatedFailures) {

    public HypercareReview {
        lines = List.copyOf(lines);
        repeatedFailures = List.copyOf(repeatedFailures);
    }

    /** One check: e.g. "Orders released to the warehouse" 41 of 42 expected. */
    public record Line(String check, long expected, long actual, String note) {

        /** Whether the numbers differ. */
        public boolean needsLook() {
            return expected != actual;
        }
    }
}
