package com.crossdock.portal.provisioning;

/**
 * A member of a tenant's organization in Keycloak.
 *
 * @param id          Keycloak's user id
 * @param setUpDone   no required actions pending (the person has set their password)
 * @param enabled     whether Keycloak lets them sign in
 */
public record Person(String id, String username, String name, String email, boolean setUpDone, boolean enabled) {
}
