package com.crossdock.portal.governance;

import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.SystemKind;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's source of truth: one owner per kind of data, and the configuration version it belongs to.
 *
 * @param version                  the tenant's configuration version, raised by every change (0: never changed)
 * @param requireMappedShipMethods whether an order whose ship method has no mapping is held
 * @param entries                  one per kind of data, in {@link DataType} order
 */
public record OwnershipMatrix(long version, boolean requireMappedShipMethods, List<Entry> entries) {

    /**
     * Who owns one kind of data.
     *
     * @param isDefault whether the owner is the default (nobody chose it)
     * @param changedBy who chose it, null for a default
     * @param changedAt when, null for a default
     */
    public record Entry(DataType dataType, SystemKind owner, boolean isDefault, @Nullable String changedBy,
            @Nullable Instant changedAt) {

        /** What Crossdock enforces while this owner owns the data, in one short line. */
        public String enforced() {
            return com.crossdock.tenantconfig.truth.Enforcement.line(dataType, owner);
        }
    }

    /** The owner of {@code dataType}. */
    public SystemKind owner(DataType dataType) {
        return entries.stream().filter(entry -> entry.dataType() == dataType).findFirst().orElseThrow().owner();
    }
}
