package com.crossdock.portal.channel;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.FbaPrepItem;
import com.crossdock.portal.channel.amazon.AmazonPrepDetails;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * FBA prep between the catalog and Amazon (Fulfillment Inbound 2024-03-20): "Compare prep with Amazon" reads Amazon's
 * prep details of the tenant's FBA-bound seller SKUs ({@code listPrepDetails}) and keeps where they differ from the
 * catalog's prep attributes (category, types, prep and label owner against Amazon's owner constraints) in
 * {@code amazon_prep_mismatch}, which the catalog's data-quality panel shows; "Send our prep to Amazon"
 * ({@code setPrepDetails}) sends the category and types of every item whose attributes are complete and consistent.
 */
@Service
public class AmazonPrepService {

    private static final String MANAGERS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN')";
    private static final int BATCH = 100;

    private final TenantService tenants;
    private final ChannelService channels;
    private final CatalogService catalog;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AmazonPrepDetails prep = new AmazonPrepDetails();

    AmazonPrepService(TenantService tenants, ChannelService channels, CatalogService catalog,
            TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
        this.tenants = tenants;
        this.channels = channels;
        this.catalog = catalog;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a comparison found: seller SKUs compared, how many differ, and the differences. */
    public record Comparison(int compared, int differing, int differences) {
    }

    /** What sending did: seller SKUs sent, and the ones held back with why. */
    public record Sent(int sent, List<String> heldBack) {
    }

    /**
     * Compares the prep attributes of the tenant's FBA-bound items with Amazon's prep details in the connection's
     * first marketplace and keeps the differences (replacing the connection's earlier ones).
     *
     * @throws com.crossdock.portal.channel.amazon.SpApiException when Amazon cannot be asked
     */
    @PreAuthorize(MANAGERS)
    public Comparison compare(TenantId tenant, UUID connectionId) {
        ChannelService.AmazonAccount account = account(tenant, connectionId);
        List<FbaPrepItem> items = catalog.fbaPrepItems(tenant);
        Map<String, AmazonPrepDetails.Msku> amazons = new HashMap<>();
        List<String> mskus = items.stream().map(FbaPrepItem::msku).distinct().toList();
        for (int from = 0; from < mskus.size(); from += BATCH) {
            List<String> batch = mskus.subList(from, Math.min(from + BATCH, mskus.size()));
            SystemActor.call("flow", () -> account.client().listPrepDetails(account.marketplaceIds().getFirst(),
                    batch)).forEach(detail -> amazons.put(detail.msku(), detail));
        }
        record Difference(FbaPrepItem item, String field, String ours, String amazons) {
        }
        List<Difference> differences = new ArrayList<>();
        for (FbaPrepItem item : items) {
            AmazonPrepDetails.Msku theirs = amazons.get(item.msku());
            if (theirs == null) {
                differences.add(new Difference(item, "NOT_AT_AMAZON", "", ""));
                continue;
            }
            PrepAttributes ours = item.prep();
            String category = ours.category() == null ? "(none)" : ours.category().name();
            if (!category.equals(or(theirs.prepCategory()))) {
                differences.add(new Difference(item, "PREP_CATEGORY", category, or(theirs.prepCategory())));
            }
            Set<String> types = ours.types().stream().map(PrepType::name).collect(Collectors.toSet());
            if (!types.equals(theirs.prepTypes())) {
                differences.add(new Difference(item, "PREP_TYPES", list(types), list(theirs.prepTypes())));
            }
            if (!AmazonPrepDetails.Msku.allows(theirs.prepOwnerConstraint(), name(ours.prepOwner()))) {
                differences.add(new Difference(item, "PREP_OWNER", or(name(ours.prepOwner())),
                        theirs.prepOwnerConstraint()));
            }
            if (!AmazonPrepDetails.Msku.allows(theirs.labelOwnerConstraint(), name(ours.labelOwner()))) {
                differences.add(new Difference(item, "LABEL_OWNER", or(name(ours.labelOwner())),
                        theirs.labelOwnerConstraint()));
            }
        }
        transactions.writeAll(tenant, () -> {
            jdbc.sql("DELETE FROM amazon_prep_mismatch WHERE connection_id = :connection")
                    .param("connection", connectionId).update();
            Timestamp now = Timestamp.from(clock.instant());
            differences.forEach(difference -> jdbc.sql("""
                    INSERT INTO amazon_prep_mismatch (tenant_id, id, connection_id, msku, master_sku, field, ours,
                                                      amazons, compared_at)
                    VALUES (crossdock_current_tenant(), :id, :connection, :msku, :sku, :field, :ours, :amazons, :now)
                    ON CONFLICT (tenant_id, connection_id, msku, field) DO NOTHING""")
                    .param("id", UUID.randomUUID()).param("connection", connectionId)
                    .param("msku", difference.item().msku()).param("sku", difference.item().sku())
                    .param("field", difference.field()).param("ours", clip(difference.ours()))
                    .param("amazons", clip(difference.amazons())).param("now", now).update());
        });
        int differing = (int) differences.stream().map(difference -> difference.item().msku()).distinct().count();
        return new Comparison(mskus.size(), differing, differences.size());
    }

    /**
     * Sends the prep category and types of every FBA-bound seller SKU whose prep attributes are complete and
     * consistent to Amazon ({@code setPrepDetails}); the others are held back with the reason. Refused while a sales
     * channel owns master SKU data in the tenant's source of truth (the store's data is the master then).
     */
    @PreAuthorize(MANAGERS)
    public Sent sendOurs(TenantId tenant, UUID connectionId) {
        var truth = catalog.ownership(tenant, com.crossdock.tenantconfig.truth.DataType.MASTER_SKU_DATA);
        if (truth.owner() == com.crossdock.tenantconfig.truth.SystemKind.CHANNEL) {
            // the store is the master of item data: Crossdock's prep is not pushed over it
            throw new com.crossdock.tenantconfig.truth.OwnershipConflictException(truth,
                    "sending its FBA prep to Amazon");
        }
        ChannelService.AmazonAccount account = account(tenant, connectionId);
        List<AmazonPrepDetails.Msku> ready = new ArrayList<>();
        List<String> heldBack = new ArrayList<>();
        for (FbaPrepItem item : catalog.fbaPrepItems(tenant)) {
            PrepAttributes attributes = item.prep();
            List<String> problems = new ArrayList<>(attributes.problems());
            if (attributes.category() == null) {
                problems.add("no prep category");
            }
            if (attributes.types().isEmpty()) {
                problems.add("no prep types (ITEM_NO_PREP when it needs none)");
            }
            if (!problems.isEmpty()) {
                heldBack.add(item.msku() + " (" + item.sku() + "): " + String.join("; ", problems));
                continue;
            }
            ready.add(new AmazonPrepDetails.Msku(item.msku(), Objects.requireNonNull(attributes.category()).name(),
                    attributes.types().stream().map(PrepType::name).collect(Collectors.toSet()), null, null, null));
        }
        for (int from = 0; from < ready.size(); from += BATCH) {
            List<AmazonPrepDetails.Msku> batch = ready.subList(from, Math.min(from + BATCH, ready.size()));
            SystemActor.call("flow", () -> {
                account.client().setPrepDetails(account.marketplaceIds().getFirst(), batch);
                return null;
            });
        }
        return new Sent(ready.size(), heldBack);
    }

    private ChannelService.AmazonAccount account(TenantId tenant, UUID connectionId) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(connectionId, "connectionId");
        return SystemActor.call("flow", () -> channels.amazonAccount(tenant, connectionId))
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
    }

    private static @Nullable String name(@Nullable PrepOwner owner) {
        return owner == null ? null : owner.name();
    }

    private static String or(@Nullable String value) {
        return value == null ? "(none)" : value;
    }

    private static String list(Set<String> values) {
        return values.isEmpty() ? "(none)" : values.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String clip(String value) {
        return value.length() > 400 ? value.substring(0, 400) : value;
    }
}
