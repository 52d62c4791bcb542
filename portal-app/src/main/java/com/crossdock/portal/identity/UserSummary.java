package com.crossdock.portal.identity;

import java.util.UUID;

/** A user as other features see one: enough to pick and to show, nothing secret. */
public record UserSummary(UUID id, String username, String displayName) {
}
