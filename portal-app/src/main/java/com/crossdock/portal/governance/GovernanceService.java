package com.crossdock.portal.governance;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.ExceptionReason;
import com.crossdock.tenantconfig.truth.ExceptionReasons;
import com.crossdock.tenantconfig.truth.OwnershipCheck;
import com.crossdock.tenantconfig.truth.OwnershipRules;
import com.crossdock.tenantconfig.truth.SystemKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A tenant's rules and ownership: who owns each kind of data (refusing owners that cannot work, with the reason),
 * the ship-method mappings and the "require mapped ship methods" switch. Every change is a line in the tenant's
 * activity and raises the configuration version, in the same transaction. Brand admins (and platform admins)
 * change; everyone who may open the tenant reads, the sync engine as a system actor included.
 */
@Service
public class GovernanceService implements com.crossdock.portal.catalog.CatalogOwnership {

    private static final String EDITORS = "hasAnyRole('PLATFORM_ADMIN', 'BRAND_ADMIN')";
    private static final Pattern SCAC = Pattern.compile("[A-Z]{2,4}");
    private static final int MIN_RESPONSE_MINUTES = 5;
    private static final int MAX_RESPONSE_MINUTES = 7 * 24 * 60;
    private static final Pattern SERVICE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    private static final String MAPPINGS = """
            SELECT id, service_level, carrier_scac, service_code, changed_by, changed_at FROM ship_method_mapping""";
    private static final RowMapper<ShipMethodMapping> MAPPING = (rs, n) -> new ShipMethodMapping(
            rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6).toInstant());

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CatalogService catalog;

    private final org.springframework.beans.factory.ObjectProvider<UatReadiness> uat;

    GovernanceService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, Clock clock,
            CatalogService catalog, org.springframework.beans.factory.ObjectProvider<UatReadiness> uat) {
        this.catalog = catalog;
        this.uat = uat;
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the signed-in person may change the setup (brand admins and platform admins). */
    public boolean canEdit() {
        return CurrentUser.find().map(user -> user.has(Role.BRAND_ADMIN) || user.has(Role.PLATFORM_ADMIN))
                .orElse(false);
    }

    /** The tenant's source of truth with its configuration version. */
    @PreAuthorize("isAuthenticated()")
    public OwnershipMatrix matrix(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, this::readMatrix);
    }

    /** The system that owns {@code dataType} for the tenant. */
    @PreAuthorize("isAuthenticated()")
    public SystemKind owner(TenantId tenant, DataType dataType) {
        return matrix(tenant).owner(dataType);
    }

    /**
     * The one place that answers "who owns {@code dataType} for this tenant, and may {@code source} change it?":
     * every entry point where such data arrives or is pushed asks here (the sync engine records a refusal as an
     * {@code OWNERSHIP_CONFLICT} exception routed to the owner; people get the refusal's sentence).
     */
    @Override
    @PreAuthorize("isAuthenticated()")
    public OwnershipCheck check(TenantId tenant, DataType dataType, SystemKind source) {
        return new OwnershipCheck(dataType, owner(tenant, dataType), source);
    }

    /**
     * Makes {@code owner} the owner of {@code dataType}; refused with the rule's reason when that owner cannot
     * work, or when someone changed the setup since {@code expectedVersion}.
     *
     * @return the matrix after the change, with its new version
     */
    @PreAuthorize(EDITORS)
    public OwnershipMatrix changeOwner(TenantId tenant, DataType dataType, SystemKind owner, long expectedVersion) {
        tenants.requireOpen(tenant);
        if (dataType == null || owner == null) {
            throw new SetupValidationException(Map.of("owner", "Choose a kind of data and its owner"));
        }
        OwnershipRules.refusal(dataType, owner).ifPresent(reason -> {
            throw new SetupValidationException(Map.of("owner", owner.label() + " cannot own "
                    + dataType.label().toLowerCase(Locale.ROOT) + ": " + reason));
        });
        return transactions.write(tenant, () -> {
            long version = raiseVersion(expectedVersion);
            jdbc.sql("""
                    INSERT INTO source_of_truth (tenant_id, id, data_type, owner, changed_by, changed_at)
                    VALUES (crossdock_current_tenant(), :id, :type, :owner, :by, :now)
                    ON CONFLICT (tenant_id, data_type) DO UPDATE SET owner = excluded.owner,
                        changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
                    .param("id", UUID.randomUUID()).param("type", dataType.name()).param("owner", owner.name())
                    .param("by", CurrentUser.actor()).param("now", Timestamp.from(clock.instant())).update();
            tenants.recordActivity(tenant, "setup.owner", dataType.label() + " owned by " + owner.label()
                    + " (configuration version " + version + ")");
            return readMatrix();
        });
    }

    /**
     * Confirms the owner every kind of data has now (its default where nobody chose one), so the source of truth is
     * one the brand and the 3PL agreed on rather than the portal's starting point.
     *
     * @return the matrix after the confirmation, with its new version
     */
    @PreAuthorize(EDITORS)
    public OwnershipMatrix confirmOwners(TenantId tenant, long expectedVersion) {
        tenants.requireOpen(tenant);
        return transactions.write(tenant, () -> {
            long version = raiseVersion(expectedVersion);
            List<OwnershipMatrix.Entry> defaults = readMatrix().entries().stream().filter(OwnershipMatrix.Entry::isDefault)
                    .toList();
            for (OwnershipMatrix.Entry entry : defaults) {
                jdbc.sql("""
                        INSERT INTO source_of_truth (tenant_id, id, data_type, owner, changed_by, changed_at)
                        VALUES (crossdock_current_tenant(), :id, :type, :owner, :by, :now)
                        ON CONFLICT (tenant_id, data_type) DO NOTHING""")
                        .param("id", UUID.randomUUID()).param("type", entry.dataType().name())
                        .param("owner", entry.owner().name()).param("by", CurrentUser.actor())
                        .param("now", Timestamp.from(clock.instant())).update();
            }
            tenants.recordActivity(tenant, "setup.owner", defaults.size() + " owners confirmed as they are "
                    + "(configuration version " + version + ")");
            return readMatrix();
        });
    }

    /** Turns holding orders whose ship method has no mapping on or off. */
    @PreAuthorize(EDITORS)
    public OwnershipMatrix requireMappedShipMethods(TenantId tenant, boolean required, long expectedVersion) {
        tenants.requireOpen(tenant);
        return transactions.write(tenant, () -> {
            long version = raiseVersion(expectedVersion);
            jdbc.sql("UPDATE tenant_setup SET require_mapped_ship_methods = :on").param("on", required).update();
            tenants.recordActivity(tenant, "setup.require-ship-methods", (required ? "Orders with an unmapped ship "
                    + "method are held" : "Orders with an unmapped ship method are released") + " (configuration "
                    + "version " + version + ")");
            return readMatrix();
        });
    }

    /** Every exception queue of the tenant with its side and response time, chosen or by default. */
    @PreAuthorize("isAuthenticated()")
    public List<ExceptionOwner> exceptionOwners(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, this::readExceptionOwners);
    }

    /**
     * Gives an exception queue its side ("Brand" or "3PL") and response time (5 minutes to 7 days); refused with
     * field errors otherwise, or when someone changed the setup since {@code expectedVersion}. Exceptions opened from
     * then on are routed and timed by it.
     */
    @PreAuthorize(EDITORS)
    public List<ExceptionOwner> saveExceptionOwner(TenantId tenant, String code, String party, int responseMinutes,
            long expectedVersion) {
        tenants.requireOpen(tenant);
        Map<String, String> problems = new LinkedHashMap<>();
        if (code == null || ExceptionReasons.of(code).isEmpty()) {
            problems.put("code", "Choose one of the exception queues");
        }
        if (!ExceptionReason.BRAND.equals(party) && !ExceptionReason.THREE_PL.equals(party)) {
            problems.put("party", "Choose Brand or 3PL");
        }
        if (responseMinutes < MIN_RESPONSE_MINUTES || responseMinutes > MAX_RESPONSE_MINUTES) {
            problems.put("response", "Give a response time of 5 minutes to 7 days");
        }
        if (!problems.isEmpty()) {
            throw new SetupValidationException(problems);
        }
        return transactions.write(tenant, () -> {
            long version = raiseVersion(expectedVersion);
            upsertExceptionOwner(code, party, responseMinutes);
            tenants.recordActivity(tenant, "setup.exception-owner", code + " answered by " + party + " within "
                    + responseMinutes + " minutes (configuration version " + version + ")");
            return readExceptionOwners();
        });
    }

    /**
     * Confirms the side and response time every queue has now (its default where nobody chose one), so every
     * exception queue has an owner the brand and the 3PL agreed on.
     */
    @PreAuthorize(EDITORS)
    public List<ExceptionOwner> confirmExceptionOwners(TenantId tenant, long expectedVersion) {
        tenants.requireOpen(tenant);
        return transactions.write(tenant, () -> {
            long version = raiseVersion(expectedVersion);
            List<ExceptionOwner> unconfirmed = readExceptionOwners().stream().filter(owner -> !owner.confirmed())
                    .toList();
            unconfirmed.forEach(owner -> upsertExceptionOwner(owner.code(), owner.party(),
                    (int) owner.response().toMinutes()));
            tenants.recordActivity(tenant, "setup.exception-owner", unconfirmed.size() + " exception queues "
                    + "confirmed as they are (configuration version " + version + ")");
            return readExceptionOwners();
        });
    }

    private void upsertExceptionOwner(String code, String party, int responseMinutes) {
        jdbc.sql("""
                INSERT INTO exception_owner (tenant_id, id, reason_code, party, response_minutes, changed_by,
                                             changed_at)
                VALUES (crossdock_current_tenant(), :id, :code, :party, :minutes, :by, :now)
                ON CONFLICT (tenant_id, reason_code) DO UPDATE SET party = excluded.party,
                    response_minutes = excluded.response_minutes, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at""")
                .param("id", UUID.randomUUID()).param("code", code).param("party", party)
                .param("minutes", responseMinutes).param("by", CurrentUser.actor())
                .param("now", Timestamp.from(clock.instant())).update();
    }

    private List<ExceptionOwner> readExceptionOwners() {
        OwnershipMatrix matrix = readMatrix();
        Map<String, ExceptionOwner> chosen = new LinkedHashMap<>();
        jdbc.sql("SELECT reason_code, party, response_minutes, changed_by, changed_at FROM exception_owner")
                .query((rs, n) -> chosen.put(rs.getString(1), new ExceptionOwner(rs.getString(1), "",
                        rs.getString(2), java.time.Duration.ofMinutes(rs.getInt(3)), null, true, rs.getString(4),
                        rs.getTimestamp(5).toInstant()))).list();
        return ExceptionReasons.ALL.stream().map(reason -> {
            ExceptionOwner own = chosen.get(reason.code());
            String follows = reason.followsOwnerOf() == null ? null : reason.followsOwnerOf().label();
            return own == null
                    ? new ExceptionOwner(reason.code(), reason.label(), reason.defaultParty(matrix::owner),
                            reason.response(), follows, false, null, null)
                    : new ExceptionOwner(reason.code(), reason.label(), own.party(), own.response(), follows, true,
                            own.changedBy(), own.changedAt());
        }).toList();
    }

    /** The tenant's ship-method mappings, by service level. */
    @PreAuthorize("isAuthenticated()")
    public List<ShipMethodMapping> shipMethods(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql(MAPPINGS + " ORDER BY service_level").query(MAPPING).list());
    }

    /**
     * The mapping of an order's shipping method: its code first, else its title (case does not matter); empty
     * when neither is mapped.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<ShipMethodMapping> shipMethodFor(TenantId tenant, @Nullable String code, @Nullable String title) {
        List<String> levels = new ArrayList<>();
        for (String level : new String[] {code, title}) {
            if (level != null && !level.isBlank()) {
                levels.add(normalized(level));
            }
        }
        if (levels.isEmpty()) {
            tenants.requireOpen(tenant);
            return Optional.empty();
        }
        return shipMethods(tenant).stream().filter(mapping -> levels.contains(mapping.serviceLevel()))
                .min(java.util.Comparator.comparingInt(mapping -> levels.indexOf(mapping.serviceLevel())));
    }

    /** Maps a store shipping method to a warehouse carrier and service (replacing its mapping, if any). */
    @PreAuthorize(EDITORS)
    public ShipMethodMapping saveShipMethod(TenantId tenant, ShipMethodCommand command, long expectedVersion) {
        tenants.requireOpen(tenant);
        Map<String, String> problems = new LinkedHashMap<>();
        String level = command == null || command.serviceLevel() == null ? "" : normalized(command.serviceLevel());
        String scac = command == null || command.carrierScac() == null ? ""
                : command.carrierScac().strip().toUpperCase(Locale.ROOT);
        String service = command == null || command.serviceCode() == null ? "" : command.serviceCode().strip();
        if (level.isEmpty() || level.length() > 100) {
            problems.put("serviceLevel", "Enter the store's shipping method code or title (up to 100 characters)");
        }
        if (!SCAC.matcher(scac).matches()) {
            problems.put("carrierScac", "Enter the carrier's SCAC: 2 to 4 letters, e.g. UPSN or FDEG");
        }
        if (!SERVICE_CODE.matcher(service).matches()) {
            problems.put("serviceCode", "Enter the warehouse's service code: up to 20 letters, digits, - or _");
        }
        if (!problems.isEmpty()) {
            throw new SetupValidationException(problems);
        }
        return transactions.write(tenant, () -> {
            long version = raiseVersion(expectedVersion);
            jdbc.sql("""
                    INSERT INTO ship_method_mapping (tenant_id, id, service_level, carrier_scac, service_code,
                                                     changed_by, changed_at)
                    VALUES (crossdock_current_tenant(), :id, :level, :scac, :service, :by, :now)
                    ON CONFLICT (tenant_id, service_level) DO UPDATE SET carrier_scac = excluded.carrier_scac,
                        service_code = excluded.service_code, changed_by = excluded.changed_by,
                        changed_at = excluded.changed_at""")
                    .param("id", UUID.randomUUID()).param("level", level).param("scac", scac)
                    .param("service", service).param("by", CurrentUser.actor())
                    .param("now", Timestamp.from(clock.instant())).update();
            tenants.recordActivity(tenant, "setup.ship-method", level + " ships as " + scac + " " + service
                    + " (configuration version " + version + ")");
            return jdbc.sql(MAPPINGS + " WHERE service_level = :level").param("level", level).query(MAPPING)
                    .single();
        });
    }

    /** Removes a ship-method mapping. */
    @PreAuthorize(EDITORS)
    public void removeShipMethod(TenantId tenant, UUID mappingId, long expectedVersion) {
        tenants.requireOpen(tenant);
        transactions.writeAll(tenant, () -> {
            List<String> removed = jdbc.sql("DELETE FROM ship_method_mapping WHERE id = :id RETURNING service_level")
                    .param("id", mappingId).query(String.class).list();
            if (removed.isEmpty()) {
                throw new SetupValidationException(Map.of("serviceLevel", "That mapping is gone already; reload"));
            }
            long version = raiseVersion(expectedVersion);
            tenants.recordActivity(tenant, "setup.ship-method.remove", removed.getFirst() + " no longer mapped"
                    + " (configuration version " + version + ")");
        });
    }

    /** The tenant's go-live readiness, item by item, each with its reason and where it is fixed. */
    @PreAuthorize("isAuthenticated()")
    public List<ReadinessItem> readiness(TenantId tenant) {
        tenants.requireOpen(tenant);
        var findings = catalog.findings(tenant);
        List<ShipMethodMapping> mappings = shipMethods(tenant);
        List<ReadinessItem> items = new ArrayList<>(transactions.read(tenant, () -> Readiness.of(jdbc, findings,
                readMatrix(), mappings, readExceptionOwners())));
        uat.ifAvailable(readiness -> items.add(readiness.item(tenant)));
        return List.copyOf(items);
    }

    private static String normalized(String level) {
        return level.strip().toUpperCase(Locale.ROOT);
    }

    /** Raises the configuration version of the tenant in scope, refusing when it is not the one the person saw. */
    private long raiseVersion(long expectedVersion) {
        long current = jdbc.sql("SELECT config_version FROM tenant_setup FOR UPDATE").query(Long.class).optional()
                .orElse(0L);
        if (current != expectedVersion) {
            throw new SetupValidationException(Map.of("version", "Someone changed the setup since you opened it "
                    + "(now version " + current + "); reload and try again"));
        }
        List<Long> raised = jdbc.sql("""
                INSERT INTO tenant_setup (tenant_id, config_version, changed_by, changed_at)
                VALUES (crossdock_current_tenant(), :next, :by, :now)
                ON CONFLICT (tenant_id) DO UPDATE SET config_version = excluded.config_version,
                    changed_by = excluded.changed_by, changed_at = excluded.changed_at
                WHERE tenant_setup.config_version = :current
                RETURNING config_version""").param("next", current + 1).param("current", current)
                .param("by", CurrentUser.actor()).param("now", Timestamp.from(clock.instant())).query(Long.class)
                .list();
        if (raised.isEmpty()) {
            throw new SetupValidationException(Map.of("version", "Someone changed the setup at the same moment; "
                    + "reload and try again"));
        }
        return raised.getFirst();
    }

    private OwnershipMatrix readMatrix() {
        record Chosen(SystemKind owner, String by, java.time.Instant at) {
        }
        Map<DataType, Chosen> chosen = new EnumMap<>(DataType.class);
        jdbc.sql("SELECT data_type, owner, changed_by, changed_at FROM source_of_truth").query((rs, n) -> chosen.put(
                DataType.valueOf(rs.getString(1)), new Chosen(SystemKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))).list();
        record Setup(long version, boolean requireMapped) {
        }
        Setup setup = jdbc.sql("SELECT config_version, require_mapped_ship_methods FROM tenant_setup")
                .query((rs, n) -> new Setup(rs.getLong(1), rs.getBoolean(2))).optional()
                .orElse(new Setup(0, false));
        List<OwnershipMatrix.Entry> entries = new ArrayList<>();
        for (DataType type : DataType.values()) {
            Chosen one = chosen.get(type);
            entries.add(one == null ? new OwnershipMatrix.Entry(type, OwnershipRules.DEFAULTS.get(type), true, null,
                    null) : new OwnershipMatrix.Entry(type, one.owner(), false, one.by(), one.at()));
        }
        return new OwnershipMatrix(setup.version(), setup.requireMapped(), List.copyOf(entries));
    }
}
