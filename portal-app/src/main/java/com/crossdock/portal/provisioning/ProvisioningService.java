package com.crossdock.portal.provisioning;

import com.crossdock.portal.tenancy.NoSuchTenantException;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Provisioning of tenants in Keycloak (keycloak sign-in mode): the tenant's organization, its brand admin with an
 * invitation to set a password, and the organization's people. Every call works on a tenant the signed-in user may
 * change (platform admins, the tenant's account manager); any other tenant is "not found". In local mode nothing
 * is required and the people calls refuse.
 */
@Service
public class ProvisioningService {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningService.class);

    private final @Nullable KeycloakRealm keycloak;
    private final ProvisioningTenants tenants;
    private final ProvisioningProperties properties;
    private final Clock clock;

    ProvisioningService(ObjectProvider<KeycloakRealm> keycloak, ProvisioningTenants tenants,
            ProvisioningProperties properties, Clock clock) {
        this.keycloak = keycloak.getIfAvailable();
        this.tenants = tenants;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether tenants are provisioned in Keycloak (keycloak sign-in mode). */
    public boolean required() {
        return keycloak != null;
    }

    /**
     * Makes sure the tenant's organization and brand admin exist in Keycloak and e-mails the admin a link to set a
     * password. Safe to repeat: what exists is found, not created again. Never throws for Keycloak's or the mail
     * server's refusals: they come back as a failed outcome with the reason.
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public Provisioning provision(TenantId tenant, BrandAdmin admin) {
        TenantOrganization organization = organizationOf(tenant);
        KeycloakRealm realm = realm();
        try {
            String redirect = portalUrl();
            String organizationId = realm.ensureOrganization(organization);
            String userId = realm.ensureBrandAdmin(admin);
            realm.ensureMember(organizationId, userId);
            realm.sendSetupEmail(userId, redirect);
            log.info("Provisioned tenant {} in Keycloak: organization {}, brand admin {} invited", tenant,
                    organization.alias(), admin.email());
            return Provisioning.done(clock.instant());
        } catch (ProvisioningException e) {
            log.warn("Provisioning tenant {} ({}) failed: {}", tenant, organization.alias(), e.getMessage(), e);
            return Provisioning.failed(e.getMessage());
        }
    }

    /** The members of the tenant's organization, and whether each has finished setting up. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public List<Person> people(TenantId tenant) {
        String alias = organizationOf(tenant).alias();
        KeycloakRealm realm = realm();
        return realm.members(realm.organizationId(alias));
    }

    /** E-mails the member the link to set a password (and finish any other pending setup) again. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public void resendInvitation(TenantId tenant, String personId) {
        String alias = organizationOf(tenant).alias();
        KeycloakRealm realm = realm();
        requireMember(realm, alias, personId);
        realm.sendSetupEmail(personId, portalUrl());
    }

    /** Removes the member from the tenant's organization; someone who never finished setting up is disabled. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public Person revoke(TenantId tenant, String personId) {
        String alias = organizationOf(tenant).alias();
        KeycloakRealm realm = realm();
        return realm.revoke(requireMember(realm, alias, personId), personId);
    }

    /** The organization's id, if {@code personId} is one of its members; any other person is "not found". */
    private String requireMember(KeycloakRealm realm, String alias, String personId) {
        String organizationId = realm.organizationId(alias);
        if (!realm.isMember(organizationId, personId)) {
            throw new ProvisioningException("This person is not among the tenant's people (any more)");
        }
        return organizationId;
    }

    private TenantOrganization organizationOf(TenantId tenant) {
        return tenants.changeableByCurrentUser(tenant).orElseThrow(() -> new NoSuchTenantException(tenant));
    }

    private KeycloakRealm realm() {
        if (keycloak == null) {
            throw new IllegalStateException("Provisioning needs crossdock.identity.mode=keycloak");
        }
        return keycloak;
    }

    /** The configured portal address, else the one the signed-in person is using. */
    private String portalUrl() {
        String configured = properties.portalUrl();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() == null) {
            throw new ProvisioningException("The portal does not know its own address outside a request: set "
                    + "CROSSDOCK_PROVISIONING_PORTAL_URL");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/").toUriString();
    }
}
