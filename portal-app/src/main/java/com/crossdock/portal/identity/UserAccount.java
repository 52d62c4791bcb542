package com.crossdock.portal.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person who signs in locally. Brand people belong to one tenant; the 3PL's people to none. */
@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private @Nullable String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "tenant_id")
    private @Nullable UUID tenantId;

    private boolean enabled = true;

    @Column(name = "last_sign_in_at")
    private @Nullable Instant lastSignInAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @Version
    private long version;

    protected UserAccount() {
        this.id = UUID.randomUUID();
        this.username = "";
        this.displayName = "";
        this.passwordHash = "";
        this.createdAt = Instant.EPOCH;
    }

    UserAccount(String username, String displayName, @Nullable String email, String passwordHash,
            @Nullable UUID tenantId, Set<Role> roles, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.tenantId = tenantId;
        this.roles = roles.isEmpty() ? new HashSet<>() : EnumSet.copyOf(roles);
        this.createdAt = createdAt;
    }

    /** A person known from an external identity provider (Keycloak), kept under the provider's id. */
    UserAccount(UUID id, String username, String displayName, @Nullable String email, String passwordHash,
            @Nullable UUID tenantId, Set<Role> roles, Instant createdAt) {
        this(username, displayName, email, passwordHash, tenantId, roles, createdAt);
        this.id = id;
    }

    /** Takes over what the external identity provider says about the person at sign-in. */
    void describeExternally(String username, String displayName, @Nullable String email, @Nullable UUID tenantId,
            Set<Role> roles) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.tenantId = tenantId;
        this.roles.clear();
        this.roles.addAll(roles);
    }

    void signedInAt(Instant when) {
        this.lastSignInAt = when;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    @Nullable UUID tenantId() {
        return tenantId;
    }

    boolean enabled() {
        return enabled;
    }

    Set<Role> roles() {
        return Set.copyOf(roles);
    }

    @Nullable Instant lastSignInAt() {
        return lastSignInAt;
    }
}
