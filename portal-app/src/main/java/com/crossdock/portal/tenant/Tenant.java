package com.crossdock.portal.tenant;

import com.crossdock.portal.provisioning.BrandAdmin;
import com.crossdock.portal.provisioning.Provisioning;
import com.crossdock.portal.provisioning.ProvisioningStatus;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/** A brand client of the 3PL. The root of all tenant-owned data; itself not tenant-filtered. */
@Entity
@Table(name = "tenant")
@Audited
class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status;

    @Column(name = "account_manager_id")
    private @Nullable UUID accountManagerId;

    @Column(name = "accent_color")
    private @Nullable String accentColor;

    @NotAudited
    private byte @Nullable [] logo;

    @Column(name = "logo_content_type")
    private @Nullable String logoContentType;

    @NotAudited
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @NotAudited
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @NotAudited
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @NotAudited
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @NotAudited
    @Enumerated(EnumType.STRING)
    @Column(name = "provisioning_status", nullable = false)
    private ProvisioningStatus provisioningStatus = ProvisioningStatus.NOT_REQUIRED;

    @NotAudited
    @Column(name = "provisioning_problem")
    private @Nullable String provisioningProblem;

    @NotAudited
    @Column(name = "provisioned_at")
    private @Nullable Instant provisionedAt;

    @NotAudited
    @Column(name = "brand_admin_email")
    private @Nullable String brandAdminEmail;

    @NotAudited
    @Column(name = "brand_admin_name")
    private @Nullable String brandAdminName;

    @NotAudited
    @Version
    private long version;

    protected Tenant() {
        this.id = UUID.randomUUID();
        this.code = "";
        this.name = "";
        this.status = TenantStatus.ACTIVE;
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
        this.updatedAt = Instant.EPOCH;
        this.updatedBy = "";
    }

    Tenant(UUID id, Instant now, String actor) {
        this();
        this.id = id;
        this.createdAt = now;
        this.createdBy = actor;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    void describe(String name, String code, TenantStatus status, @Nullable UUID accountManagerId,
            @Nullable String accentColor) {
        this.name = name;
        this.code = code;
        this.status = status;
        this.accountManagerId = accountManagerId;
        this.accentColor = accentColor;
    }

    void logo(byte @Nullable [] bytes, @Nullable String contentType) {
        this.logo = bytes;
        this.logoContentType = contentType;
    }

    /** Keycloak is to set up this brand admin once the tenant is saved. */
    void awaitProvisioning(BrandAdmin admin) {
        this.brandAdminEmail = admin.email();
        this.brandAdminName = admin.name();
        this.provisioningStatus = ProvisioningStatus.PENDING;
        this.provisioningProblem = null;
        this.provisionedAt = null;
    }

    void provisioned(Provisioning outcome) {
        this.provisioningStatus = outcome.status();
        this.provisioningProblem = outcome.problem();
        this.provisionedAt = outcome.provisionedAt();
    }

    Provisioning provisioning() {
        return new Provisioning(provisioningStatus, provisioningProblem, provisionedAt);
    }

    @Nullable BrandAdmin brandAdmin() {
        return brandAdminEmail == null || brandAdminName == null ? null : new BrandAdmin(brandAdminEmail, brandAdminName);
    }

    void touched(Instant now, String actor) {
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    UUID id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    TenantStatus status() {
        return status;
    }

    @Nullable UUID accountManagerId() {
        return accountManagerId;
    }

    @Nullable String accentColor() {
        return accentColor;
    }

    byte @Nullable [] logoBytes() {
        return logo;
    }

    @Nullable String logoContentType() {
        return logoContentType;
    }

    long version() {
        return version;
    }
}
