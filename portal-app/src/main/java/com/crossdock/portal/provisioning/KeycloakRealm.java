package com.crossdock.portal.provisioning;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The realm as provisioning sees it, through Keycloak's admin API. Every step looks before it creates, so a retry
 * after a partial failure finishes the job without duplicates. Failures come out as {@link ProvisioningException}
 * with a sentence for people.
 */
class KeycloakRealm {

    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    static final String BRAND_ADMIN_ROLE = "brand-admin";
    /** The client the invitation link signs in to afterwards. */
    static final String PORTAL_CLIENT_ID = "crossdock-portal";
    private static final int PAGE = 100;
    private static final Pattern ERROR_MESSAGE =
            Pattern.compile("\"(?:errorMessage|error_description|error)\"\\s*:\\s*\"([^\"]*)\"");

    private final Keycloak keycloak;
    private final String serverUrl;
    private final String realm;

    KeycloakRealm(Keycloak keycloak, String serverUrl, String realm) {
        this.keycloak = keycloak;
        this.serverUrl = serverUrl;
        this.realm = realm;
    }

    /** The organization with this alias, created with the tenant's name if there is none; its id. */
    String ensureOrganization(TenantOrganization organization) {
        return call("create the organization " + organization.alias(), () -> findOrganization(organization.alias())
                .map(OrganizationRepresentation::getId)
                .orElseGet(() -> createOrganization(organization)));
    }

    /** The id of the organization with this alias; "not found" is a failure, for the people panel. */
    String organizationId(String alias) {
        return call("read the organization " + alias, () -> findOrganization(alias)
                .map(OrganizationRepresentation::getId)
                .orElseThrow(() -> new ProvisioningException("Keycloak has no organization " + alias
                        + " yet; retry the tenant's provisioning")));
    }

    /** The user with this e-mail, created as a brand admin who must set a password if there is none; their id. */
    String ensureBrandAdmin(BrandAdmin admin) {
        return call("create the user " + admin.email(), () -> {
            List<UserRepresentation> found = realm().users().searchByEmail(admin.email(), true);
            return found.isEmpty() ? createBrandAdmin(admin) : found.getFirst().getId();
        });
    }

    /** Adds the user to the organization unless they are a member already. */
    void ensureMember(String organizationId, String userId) {
        call("add the user to the organization", () -> {
            OrganizationResource organization = realm().organizations().get(organizationId);
            boolean member = isMember(organization, userId);
            if (!member) {
                try (Response response = organization.members().addMember(userId)) {
                    requireSuccess(response, "add the user to the organization");
                }
            }
            return member;
        });
    }

    /** Keycloak's execute-actions e-mail: a link to set a password, then on to the portal. */
    void sendSetupEmail(String userId, String redirectUri) {
        try {
            call("send the invitation", () -> {
                realm().users().get(userId).executeActionsEmail(PORTAL_CLIENT_ID, redirectUri,
                        List.of(UPDATE_PASSWORD));
                return userId;
            });
        } catch (ProvisioningException e) {
            if (e.getCause() instanceof WebApplicationException refused
                    && refused.getResponse().getStatus() == Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
                String why = detail(refused).replaceFirst("^Failed to send execute actions email: ", "")
                        .replaceFirst("\\.? More information is available in the server log\\.?$", "");
                throw new ProvisioningException("The e-mail server refused the invitation: " + why
                        + " (Keycloak's log has the details; check the realm's e-mail settings)", refused);
            }
            throw e;
        }
    }

    List<Person> members(String organizationId) {
        return call("list the organization's people", () -> {
            List<Person> people = new ArrayList<>();
            OrganizationResource organization = realm().organizations().get(organizationId);
            for (int first = 0; ; first += PAGE) {
                var page = organization.members().list(first, PAGE);
                page.forEach(member -> people.add(person(realm().users().get(member.getId()).toRepresentation())));
                if (page.size() < PAGE) {
                    return people;
                }
            }
        });
    }

    boolean isMember(String organizationId, String userId) {
        return call("read the organization's people",
                () -> isMember(realm().organizations().get(organizationId), userId));
    }

    /** Removes the member; a person who never finished setting up is disabled as well. */
    Person revoke(String organizationId, String userId) {
        return call("revoke the person", () -> {
            try (Response response = realm().organizations().get(organizationId).members().member(userId).delete()) {
                requireSuccess(response, "remove the person from the organization");
            }
            UserResource user = realm().users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            if (!setUpDone(representation) && Boolean.TRUE.equals(representation.isEnabled())) {
                representation.setEnabled(false);
                user.update(representation);
            }
            return person(user.toRepresentation());
        });
    }

    private boolean isMember(OrganizationResource organization, String userId) {
        for (int first = 0; ; first += PAGE) {
            var page = organization.members().list(first, PAGE);
            if (page.stream().anyMatch(member -> userId.equals(member.getId()))) {
                return true;
            }
            if (page.size() < PAGE) {
                return false;
            }
        }
    }

    /** Organization search matches names and domains, not aliases: page through them all. */
    private Optional<OrganizationRepresentation> findOrganization(String alias) {
        for (int first = 0; ; first += PAGE) {
            List<OrganizationRepresentation> page = realm().organizations().list(first, PAGE);
            Optional<OrganizationRepresentation> match = page.stream()
                    .filter(org -> alias.equalsIgnoreCase(org.getAlias())).findFirst();
            if (match.isPresent() || page.size() < PAGE) {
                return match;
            }
        }
    }

    private String createOrganization(TenantOrganization organization) {
        OrganizationRepresentation representation = new OrganizationRepresentation();
        representation.setAlias(organization.alias());
        representation.setName(organization.name());
        representation.setEnabled(true);
        representation.setDescription("Crossdock tenant " + organization.alias().toUpperCase(java.util.Locale.ROOT));
        try (Response response = realm().organizations().create(representation)) {
            requireSuccess(response, "create the organization " + organization.alias());
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private String createBrandAdmin(BrandAdmin admin) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(admin.email());
        user.setEmail(admin.email());
        user.setFirstName(admin.firstName());
        user.setLastName(admin.lastName());
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setRequiredActions(List.of(UPDATE_PASSWORD));
        String id;
        try (Response response = realm().users().create(user)) {
            requireSuccess(response, "create the user " + admin.email());
            id = CreatedResponseUtil.getCreatedId(response);
        }
        RoleRepresentation role = realm().roles().get(BRAND_ADMIN_ROLE).toRepresentation();
        realm().users().get(id).roles().realmLevel().add(List.of(role));
        return id;
    }

    private static Person person(UserRepresentation user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Person(user.getId(), user.getUsername(), name.isEmpty() ? user.getUsername() : name,
                user.getEmail() == null ? "" : user.getEmail(), setUpDone(user), Boolean.TRUE.equals(user.isEnabled()));
    }

    private static boolean setUpDone(UserRepresentation user) {
        return user.getRequiredActions() == null || user.getRequiredActions().isEmpty();
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private void requireSuccess(Response response, String what) {
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            throw new WebApplicationException("Keycloak could not " + what, response);
        }
    }

    /** Runs one step against Keycloak and turns its failures into sentences. */
    private <T> T call(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (ProvisioningException e) {
            throw e;
        } catch (ProcessingException e) {
            if (unreachable(e)) {
                throw new ProvisioningException("Keycloak at " + serverUrl + " is not reachable", e);
            }
            throw new ProvisioningException("Keycloak at " + serverUrl + " did not answer properly when asked to "
                    + what + ": " + e.getMessage(), e);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401) {
                throw new ProvisioningException("Keycloak refused the portal's provisioning client (check "
                        + "CROSSDOCK_PROVISIONING_CLIENT_ID and CROSSDOCK_PROVISIONING_CLIENT_SECRET)", e);
            }
            if (status == 403) {
                throw new ProvisioningException("The provisioning client may not " + what + " in realm " + realm
                        + ": give it the realm-management roles manage-users, view-users, query-users and "
                        + "manage-realm", e);
            }
            throw new ProvisioningException("Keycloak could not " + what + " (" + status + " " + detail(e) + ")", e);
        }
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Keycloak's own error message from the response body, or the status text when it sent none. */
    private static String detail(WebApplicationException e) {
        Response response = e.getResponse();
        String reason = response.getStatusInfo().getReasonPhrase();
        String body;
        try {
            response.bufferEntity();
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (IllegalStateException | ProcessingException unreadable) {
            e.addSuppressed(unreadable);
            return reason;
        }
        Matcher matcher = ERROR_MESSAGE.matcher(body);
        return matcher.find() ? matcher.group(1) : reason;
    }
}
