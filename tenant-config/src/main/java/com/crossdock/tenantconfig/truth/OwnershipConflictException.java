package com.crossdock.tenantconfig.truth;

/**
 * A change refused because its source does not own the data in the tenant's source of truth; the message is the
 * check's refusal (owner, kind of data, the change and its source, what to do).
 */
public class OwnershipConflictException extends RuntimeException {

    private final OwnershipCheck check;

    public OwnershipConflictException(OwnershipCheck check, String change) {
        super(check.refusal(change));
        this.check = check;
    }

    /** The check that refused it. */
    public OwnershipCheck check() {
        return check;
    }
}
