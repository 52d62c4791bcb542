package com.crossdock.portal.tenant;

import com.crossdock.portal.audit.AuditEntry;
import com.crossdock.portal.audit.AuditFilter;
import com.crossdock.portal.audit.AuditSource;
import com.crossdock.portal.audit.FieldChange;
import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.portal.identity.UserSummary;
import com.crossdock.portal.provisioning.BrandAdmin;
import com.crossdock.portal.provisioning.Provisioning;
import com.crossdock.portal.provisioning.ProvisioningService;
import com.crossdock.portal.provisioning.ProvisioningStatus;
import com.crossdock.portal.tenancy.NoSuchTenantException;
import com.crossdock.portal.tenancy.TenantScope;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.onboarding.OnboardingFacts;
import com.crossdock.tenantconfig.onboarding.OnboardingStage;
import com.crossdock.tenantconfig.onboarding.OnboardingStages;
import com.crossdock.tenantconfig.tenant.AccentColor;
import com.crossdock.tenantconfig.tenant.TenantCode;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenants: the one entry point of the tenant feature. Every method works for the signed-in user and checks
 * that user's access to the tenant it names; tenant-owned data is read inside that tenant's scope.
 */
@Service
public class TenantService {

    /** Largest logo accepted, in bytes. */
    public static final int MAX_LOGO_BYTES = 256 * 1024;
    /** Logo formats a browser shows reliably. */
    public static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg", "image/svg+xml", "image/webp");

    private static final int RECENT_ACTIVITY = 8;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TenantService.class);

    private final TenantRepository tenants;
    private final TenantActivityRepository activity;
    private final IdentityService identity;
    private final TenantTransactions tenantTransactions;
    private final Clock clock;
    private final EntityManager entityManager;

    private final ProvisioningService provisioning;
    private final List<AuditSource> auditSources;

    private final OnboardingFactsReader onboardingFacts;

    TenantService(TenantRepository tenants, TenantActivityRepository activity, IdentityService identity,
            TenantTransactions tenantTransactions, Clock clock, EntityManager entityManager,
            ProvisioningService provisioning, List<AuditSource> auditSources, OnboardingFactsReader onboardingFacts) {
        this.onboardingFacts = onboardingFacts;
        this.provisioning = provisioning;
        this.auditSources = List.copyOf(auditSources);
        this.entityManager = entityManager;
        this.tenants = tenants;
        this.activity = activity;
        this.identity = identity;
        this.tenantTransactions = tenantTransactions;
        this.clock = clock;
    }

    /** The tenants the signed-in user may open, by name. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TenantSummary> visibleTenants() {
        SignedInUser user = CurrentUser.require();
        return TenantAccess.visible(user, tenants).stream().map(this::summary).toList();
    }

    /**
     * Fails with "not found" unless the signed-in user may open {@code tenant}: the one check every feature service
     * makes before it works for a tenant, so another brand's id reads as unknown, never as forbidden.
     */
    @PreAuthorize("isAuthenticated()")
    public void requireOpen(@Nullable TenantId tenant) {
        if (tenant == null || !canOpen(tenant)) {
            throw new NoSuchTenantException(tenant == null ? new TenantId(new java.util.UUID(0, 0)) : tenant);
        }
    }

    /** Whether the signed-in user may open {@code tenant}. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean canOpen(TenantId tenant) {
        return tenants.findById(tenant.value()).filter(t -> TenantAccess.canSee(CurrentUser.require(), t)).isPresent();
    }

    /** Whether the signed-in user may change tenants at all (platform admins and account managers). */
    @PreAuthorize("isAuthenticated()")
    public boolean canManageTenants() {
        SignedInUser user = CurrentUser.require();
        return user.homeTenant() == null && (user.has(Role.PLATFORM_ADMIN) || user.has(Role.ACCOUNT_MANAGER));
    }

    /** A tenant's editable details. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public TenantDetails details(TenantId id) {
        Tenant tenant = changeable(id);
        return new TenantDetails(id, tenant.name(), tenant.code(), tenant.status(), tenant.accountManagerId(),
                tenant.accentColor(), tenant.logoBytes() != null, tenant.version());
    }

    /** Account managers a tenant can be assigned to. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public List<UserSummary> assignableAccountManagers() {
        return identity.accountManagers();
    }

    /** Creates a tenant without inviting anyone (demo data, local mode). */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public TenantSummary create(TenantCommand command) {
        return create(command, null);
    }

    /**
     * Creates a tenant. An account manager who names nobody becomes the tenant's account manager, so they keep
     * seeing the client they created. In keycloak mode the brand admin is required: the tenant is saved as
     * "provisioning pending", and once that is committed its organization and brand admin are set up in Keycloak;
     * the outcome (done, or failed with the reason) is recorded on the tenant, which a failure leaves in place to
     * be retried.
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public TenantSummary create(TenantCommand command, @Nullable BrandAdminInvite invite) {
        SignedInUser user = CurrentUser.require();
        TenantCommand withManager = command.accountManagerId() == null && user.has(Role.ACCOUNT_MANAGER)
                ? new TenantCommand(command.name(), command.code(), command.status(), user.id(), command.accentColor())
                : command;
        boolean provision = invite != null && provisioning.required();
        TenantId id = TenantId.random();
        TenantSummary created = tenantTransactions.write(id, () -> {
            Valid valid = validate(withManager, id.value(), provision ? invite : null);
            Tenant tenant = new Tenant(id.value(), clock.instant(), user.username());
            tenant.describe(valid.name(), valid.code().value(), valid.status(), valid.accountManagerId(),
                    valid.accent());
            if (valid.admin() != null) {
                tenant.awaitProvisioning(valid.admin());
            }
            tenants.saveAndFlush(tenant);
            record(user, "Tenant created",
                    "%s (%s) created with status %s".formatted(valid.name(), valid.code(), valid.status().label()));
            return summary(tenant);
        });
        return provision ? provisionNow(id) : created;
    }

    /** Runs a failed (or interrupted) provisioning again; what Keycloak already has is kept, not duplicated. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public TenantSummary retryProvisioning(TenantId id) {
        ProvisioningStatus status = tenantTransactions.read(id, () -> changeable(id).provisioning().status());
        if (status != ProvisioningStatus.FAILED && status != ProvisioningStatus.PENDING) {
            throw new IllegalStateException("Only a failed provisioning can be retried, this one is " + status);
        }
        return provisionNow(id);
    }

    /**
     * Provisions again every tenant still "pending" after {@code olderThan}: the portal stopped between saving the
     * tenant and setting it up in Keycloak. Run by {@link StalledProvisioningJob}; returns how many were retried.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public int retryStalledProvisioning(java.time.Duration olderThan) {
        List<TenantId> stalled = tenants.findByProvisioningStatusAndUpdatedAtBefore(ProvisioningStatus.PENDING,
                clock.instant().minus(olderThan)).stream().map(tenant -> new TenantId(tenant.id())).toList();
        for (TenantId id : stalled) {
            try {
                provisionNow(id);
            } catch (RuntimeException e) {
                log.error("Provisioning tenant {} failed again; it is marked failed for a person to retry", id, e);
            }
        }
        return stalled.size();
    }

    /** Called outside any transaction: Keycloak is slow and remote, and the tenant row is already committed. */
    private TenantSummary provisionNow(TenantId id) {
        SignedInUser user = CurrentUser.require();
        BrandAdmin admin = tenantTransactions.read(id, () -> changeable(id).brandAdmin());
        if (admin == null) {
            throw new IllegalStateException("Tenant " + id + " names no brand admin to provision");
        }
        Provisioning outcome;
        try {
            outcome = provisioning.provision(id, admin);
        } catch (RuntimeException e) {
            recordProvisioning(id, user, new Provisioning(ProvisioningStatus.FAILED,
                    "Provisioning stopped unexpectedly; the portal's log has the details", null));
            throw e;
        }
        return recordProvisioning(id, user, outcome);
    }

    private TenantSummary recordProvisioning(TenantId id, SignedInUser user, Provisioning outcome) {
        return tenantTransactions.write(id, () -> {
            Tenant tenant = tenants.findById(id.value()).orElseThrow(() -> new NoSuchTenantException(id));
            tenant.provisioned(outcome);
            tenants.saveAndFlush(tenant);
            BrandAdmin admin = tenant.brandAdmin();
            record(user, outcome.status() == ProvisioningStatus.PROVISIONED ? "Brand admin invited"
                    : "Provisioning failed", outcome.status() == ProvisioningStatus.PROVISIONED
                    ? "Keycloak organization %s ready; invitation e-mailed to %s".formatted(
                            tenant.code().toLowerCase(java.util.Locale.ROOT), admin == null ? "?" : admin.email())
                    : String.valueOf(outcome.problem()));
            return summary(tenant);
        });
    }

    /** Whether new tenants are set up in Keycloak, so the form asks for the brand admin. */
    public boolean provisioningRequired() {
        return provisioning.required();
    }

    /** Changes a tenant's details; fails if someone else changed it since {@code expectedVersion}. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public TenantSummary update(TenantId id, TenantCommand command, long expectedVersion) {
        SignedInUser user = CurrentUser.require();
        return tenantTransactions.write(id, () -> {
            Tenant tenant = changeable(id);
            if (tenant.version() != expectedVersion) {
                throw new ObjectOptimisticLockingFailureException(Tenant.class, id.value());
            }
            Valid valid = validate(command, id.value(), null);
            String changes = describeChanges(tenant, valid);
            tenant.describe(valid.name(), valid.code().value(), valid.status(), valid.accountManagerId(),
                    valid.accent());
            tenant.touched(clock.instant(), user.username());
            tenants.saveAndFlush(tenant);
            if (!changes.isEmpty()) {
                record(user, "Tenant details changed", changes);
            }
            return summary(tenant);
        });
    }

    /** Replaces a tenant's logo (PNG, JPEG, SVG or WebP up to 256 KiB). */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')")
    public void changeLogo(TenantId id, byte[] bytes, String contentType) {
        if (!LOGO_TYPES.contains(contentType)) {
            throw new TenantValidationException(Map.of("logo", "Upload a PNG, JPEG, SVG or WebP image"));
        }
        if (bytes.length == 0 || bytes.length > MAX_LOGO_BYTES) {
            throw new TenantValidationException(Map.of("logo", "A logo is at most 256 KB"));
        }
        SignedInUser user = CurrentUser.require();
        tenantTransactions.writeAll(id, () -> {
            Tenant tenant = changeable(id);
            tenant.logo(bytes, contentType);
            tenant.touched(clock.instant(), user.username());
            record(user, "Logo changed", "New logo (%s, %d bytes)".formatted(contentType, bytes.length));
        });
    }

    /** The tenant's look for the portal shell: accent colour and logo. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Branding branding(TenantId id) {
        Tenant tenant = visible(id);
        return new Branding(tenant.name(), tenant.accentColor(), tenant.logoBytes(), tenant.logoContentType());
    }

    /** The Overview: onboarding stage computed from the tenant's data, what to do next, recent activity. */
    @PreAuthorize("isAuthenticated()")
    public TenantOverview overview(TenantId id) {
        return tenantTransactions.read(id, () -> {
            Tenant tenant = visible(id);
            int signedIn = identity.brandUsersSignedIn(id);
            OnboardingStage stage = stageOf(id, signedIn);
            List<ActivityEntry> recent = activity.findAllByOrderByOccurredAtDesc(Limit.of(RECENT_ACTIVITY)).stream()
                    .map(TenantActivity::toEntry).toList();
            return new TenantOverview(id, tenant.name(), tenant.code(), stage, OnboardingStages.nextStep(stage),
                    identity.brandUsers(id), signedIn, managerName(tenant.accountManagerId()), recent);
        });
    }

    /** Adds a line to a tenant's activity trail on behalf of the signed-in user (or the system). */
    @PreAuthorize("isAuthenticated()")
    public void recordActivity(TenantId id, String action, String detail) {
        tenantTransactions.writeAll(id, () -> {
            visible(id);
            activity.save(new TenantActivity(clock.instant(), CurrentUser.actor(), action, detail));
        });
    }

    /** Adds to the trail of the tenant whose scope is open (callers are inside {@code tenantTransactions}). */
    private void record(SignedInUser user, String action, String detail) {
        activity.save(new TenantActivity(clock.instant(), user.username(), action, detail));
    }

    /** A tenant the caller may see; any other is "not found", so its existence does not leak. */
    private Tenant visible(TenantId id) {
        return tenants.findById(id.value())
                .filter(tenant -> TenantAccess.canSee(CurrentUser.require(), tenant))
                .orElseThrow(() -> new NoSuchTenantException(id));
    }

    private Tenant changeable(TenantId id) {
        Tenant tenant = visible(id);
        if (!TenantAccess.canChange(CurrentUser.require(), tenant)) {
            throw new AccessDeniedException("Only a platform admin or the tenant's account manager can change it");
        }
        return tenant;
    }

    private OnboardingStage stageOf(TenantId id, int brandUsersSignedIn) {
        OnboardingFacts facts = onboardingFacts.facts(id, brandUsersSignedIn);
        return OnboardingStages.stageOf(facts, LocalDate.now(clock));
    }

    private TenantSummary summary(Tenant tenant) {
        TenantId id = new TenantId(tenant.id());
        int signedIn = TenantScope.callIn(id, () -> identity.brandUsersSignedIn(id));
        return new TenantSummary(id, tenant.name(), new TenantCode(tenant.code()), tenant.status(),
                tenant.accountManagerId(), managerName(tenant.accountManagerId()), stageOf(id, signedIn),
                tenant.provisioning());
    }

    private @Nullable String managerName(@Nullable UUID accountManagerId) {
        return accountManagerId == null ? null
                : identity.find(accountManagerId).map(UserSummary::displayName).orElse(null);
    }

    private Valid validate(TenantCommand command, UUID id, @Nullable BrandAdminInvite invite) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty()) {
            errors.put("name", "Enter the brand's name");
        } else if (name.length() > 120) {
            errors.put("name", "A name has at most 120 characters");
        } else if (tenants.existsByNameIgnoreCaseAndIdNot(name, id)) {
            errors.put("name", "Another tenant already has this name");
        }
        String codeProblem = TenantCode.validate(command.code());
        if (codeProblem != null) {
            errors.put("code", codeProblem);
        } else if (tenants.existsByCodeAndIdNot(TenantCode.of(command.code()).value(), id)) {
            errors.put("code", "Another tenant already uses this code");
        }
        if (command.status() == null) {
            errors.put("status", "Choose a status");
        }
        if (command.accountManagerId() != null && !identity.isAccountManager(command.accountManagerId())) {
            errors.put("accountManager", "Choose one of the 3PL's account managers");
        }
        String accentProblem = AccentColor.validate(command.accentColor());
        if (accentProblem != null) {
            errors.put("accentColor", accentProblem);
        }
        if (invite != null) {
            String emailProblem = BrandAdmin.emailProblem(invite.email());
            if (emailProblem != null) {
                errors.put("brandAdminEmail", emailProblem);
            }
            String nameProblem = BrandAdmin.nameProblem(invite.name());
            if (nameProblem != null) {
                errors.put("brandAdminName", nameProblem);
            }
        }
        if (!errors.isEmpty()) {
            throw new TenantValidationException(errors);
        }
        BrandAdmin admin = invite == null ? null
                : new BrandAdmin(java.util.Objects.requireNonNull(invite.email()),
                        java.util.Objects.requireNonNull(invite.name()));
        String accent = command.accentColor() == null || command.accentColor().isBlank() ? null
                : new AccentColor(command.accentColor()).hex();
        return new Valid(name, TenantCode.of(command.code()), command.status(), command.accountManagerId(), accent,
                admin);
    }

    private String describeChanges(Tenant before, Valid after) {
        StringBuilder changes = new StringBuilder();
        appendChange(changes, "name", before.name(), after.name());
        appendChange(changes, "code", before.code(), after.code().value());
        appendChange(changes, "status", before.status().label(), after.status().label());
        appendChange(changes, "account manager", managerName(before.accountManagerId()),
                managerName(after.accountManagerId()));
        appendChange(changes, "accent colour", before.accentColor(), after.accent());
        return changes.toString();
    }

    private static void appendChange(StringBuilder changes, String field, @Nullable String before,
            @Nullable String after) {
        if (!java.util.Objects.equals(before, after)) {
            if (!changes.isEmpty()) {
                changes.append("; ");
            }
            changes.append(field).append(": ").append(before == null ? "none" : before)
                    .append(" → ").append(after == null ? "none" : after);
        }
    }

    private record Valid(String name, TenantCode code, TenantStatus status, @Nullable UUID accountManagerId,
            @Nullable String accent, @Nullable BrandAdmin admin) {
    }

    /**
     * The audit trail of a tenant's configuration: who changed what and when, newest first. Brand admins see
     * their own tenant's; account managers and platform admins the tenants they may see.
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN')")
    public List<AuditEntry> auditTrail(TenantId id, AuditFilter filter) {
        return tenantTransactions.read(id, () -> {
            visible(id);
            AuditReader reader = AuditReaderFactory.get(entityManager);
            return auditSources.stream().flatMap(source -> source.entries(reader, id).stream())
                    .filter(filter::matches)
                    .sorted(java.util.Comparator.comparingLong(AuditEntry::revision).reversed())
                    .map(this::withManagerNames).toList();
        });
    }

    private AuditEntry withManagerNames(AuditEntry entry) {
        List<FieldChange> named = entry.changes().stream()
                .map(change -> !"account manager".equals(change.field()) ? change
                        : new FieldChange(change.field(), nameOf(change.before()), nameOf(change.after())))
                .toList();
        return new AuditEntry(entry.revision(), entry.occurredAt(), entry.actor(), entry.entityType(),
                entry.entityLabel(), entry.kind(), named);
    }

    private @Nullable String nameOf(@Nullable String userId) {
        return userId == null ? null : managerName(UUID.fromString(userId));
    }

    /** The kinds of record the audit trail can show, for its filter. */
    public List<String> auditedTypes() {
        return auditSources.stream().map(AuditSource::entityType).sorted().toList();
    }

}
