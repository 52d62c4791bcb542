package com.crossdock.portal.identity;

import com.crossdock.portal.tenancy.TenantScope;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local users and their roles: the one entry point of the identity feature. */
@Service
public class IdentityService {

    /** The shortest password a local user may have. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /**
     * The password hash of a user who only signs in through Keycloak: not a bcrypt hash and without an encoder
     * prefix such as {@code {noop}}, so no password ever matches it.
     */
    public static final String EXTERNAL_ONLY_PASSWORD_HASH = "!external-sign-in-only";

    private static final int MAX_DISPLAY_NAME_LENGTH = 120;
    private static final int MAX_EMAIL_LENGTH = 200;

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    IdentityService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** The 3PL's account managers, to assign to tenants. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'LEADERSHIP_VIEWER')")
    @Transactional(readOnly = true)
    public List<UserSummary> accountManagers() {
        return users.findByRole(Role.ACCOUNT_MANAGER).stream()
                .filter(user -> user.tenantId() == null)
                .map(IdentityService::summary)
                .toList();
    }

    /** A user by id, for display. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<UserSummary> find(UUID id) {
        return users.findById(id).map(IdentityService::summary);
    }

    /** Whether {@code id} is an account manager of the 3PL (who may be assigned to a tenant). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean isAccountManager(UUID id) {
        return users.findById(id)
                .filter(user -> user.tenantId() == null && user.roles().contains(Role.ACCOUNT_MANAGER))
                .isPresent();
    }

    /** How many of a tenant's people have signed in at least once: an onboarding fact. Needs the tenant's scope. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int brandUsersSignedIn(TenantId tenant) {
        TenantScope.requireCurrent(tenant);
        return users.countSignedInOfTenant(tenant.value());
    }

    /** How many people a tenant has. Needs the tenant's scope. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long brandUsers(TenantId tenant) {
        TenantScope.requireCurrent(tenant);
        return users.countByTenantId(tenant.value());
    }

    /** Creates a local user with a bcrypt-hashed password. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public UserSummary createUser(NewUser command) {
        validate(command);
        UserAccount account = new UserAccount(command.username().strip(), command.displayName().strip(),
                command.email(), passwordEncoder.encode(command.password()),
                command.tenant() == null ? null : command.tenant().value(), command.roles(), clock.instant());
        return summary(users.save(account));
    }

    /**
     * Records a person who signed in through Keycloak, at every sign-in: creates their user at the first one (under
     * the Keycloak id, with a password hash that no password matches), takes over their name, e-mail, roles and
     * tenant, and stamps the sign-in. A user who already exists under the same username (for example one created
     * by the demo data) is taken over with their id, so tenants assigned to them stay assigned. A user disabled
     * in Crossdock is refused.
     *
     * @param external the user as Keycloak describes them; its id is used for a user created now
     * @return the user as the portal knows them from now on
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public SignedInUser syncExternalUser(SignedInUser external, @Nullable String email) {
        String username = external.username().strip();
        String displayName = abbreviate(external.displayName().strip(), MAX_DISPLAY_NAME_LENGTH);
        String usableEmail = email != null && email.length() <= MAX_EMAIL_LENGTH ? email : null;
        UUID tenant = external.home().map(TenantId::value).orElse(null);
        UserAccount account = users.findById(external.id())
                .or(() -> users.findByUsernameIgnoreCase(username))
                .orElseGet(() -> new UserAccount(external.id(), username, displayName, usableEmail,
                        EXTERNAL_ONLY_PASSWORD_HASH, tenant, external.roles(), clock.instant()));
        if (!account.enabled()) {
            throw new DisabledException("The user " + account.username() + " is disabled in Crossdock");
        }
        if (!account.username().equalsIgnoreCase(username)
                && users.findByUsernameIgnoreCase(username).isPresent()) {
            throw new IllegalStateException("The username " + username + " already belongs to another user");
        }
        account.describeExternally(username, displayName, usableEmail, tenant, external.roles());
        account.signedInAt(clock.instant());
        return LocalUserDetailsService.toSignedIn(users.save(account));
    }

    private static String abbreviate(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
    }

    private void validate(NewUser command) {
        if (command.username().isBlank() || command.displayName().isBlank()) {
            throw new IllegalArgumentException("A user needs a username and a name");
        }
        if (command.password().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        boolean brandRoles = command.roles().stream().anyMatch(Role::isBrandRole);
        boolean threePlRoles = command.roles().contains(Role.PLATFORM_ADMIN)
                || command.roles().contains(Role.ACCOUNT_MANAGER);
        if (brandRoles && command.tenant() == null) {
            throw new IllegalArgumentException("Brand roles need the user's tenant");
        }
        if (threePlRoles && command.tenant() != null) {
            throw new IllegalArgumentException("3PL roles belong to the 3PL, not to a tenant");
        }
        if (users.findByUsernameIgnoreCase(command.username().strip()).isPresent()) {
            throw new IllegalArgumentException("The username " + command.username() + " is taken");
        }
    }

    static UserSummary summary(UserAccount account) {
        return new UserSummary(account.id(), account.username(), account.displayName());
    }
}
