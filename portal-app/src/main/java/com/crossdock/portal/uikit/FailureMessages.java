package com.crossdock.portal.uikit;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one place that turns a failed save into a sentence a person understands: a concurrent edit, a duplicate,
 * missing access, a change the tenant's source of truth gives to another system. Anything unexpected gets a generic message and is left to the error handler to log.
 */
public final class FailureMessages {

    private FailureMessages() {
    }

    public static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingFailureException) {
                return "Someone else changed this record while you were editing. Reopen it to see their "
                        + "changes, then make yours again.";
            }
            if (t instanceof DataIntegrityViolationException) {
                return "This would duplicate or break a record that already exists. Check codes and names "
                        + "for duplicates.";
            }
            if (t instanceof com.crossdock.tenantconfig.truth.OwnershipConflictException notTheOwner) {
                return notTheOwner.getMessage();
            }
            if (t instanceof AccessDeniedException) {
                return "You do not have permission to do this. Ask a platform admin if you need it.";
            }
        }
        return "Something went wrong and nothing was saved. Try again; if it keeps failing, tell your "
                + "platform admin the time it happened.";
    }
}
