package com.crossdock.portal.health;

import org.jspecify.annotations.Nullable;

/**
 * A new alert rule for a tenant.
 *
 * @param threshold    minutes, percent or units, as {@link AlertKind#unit()} says
 * @param email        where to send the e-mail, or {@code null}
 * @param webhookUrl   where to post the signed JSON, or {@code null}
 * @param quietMinutes after an alert of this rule is sent, how long further alerts of it are kept quiet
 */
public record AlertRuleCommand(AlertKind kind, int threshold, @Nullable String email, @Nullable String webhookUrl,
        int quietMinutes) {
}
