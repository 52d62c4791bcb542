package com.crossdock.portal.returns;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one scan at the returns bench did.
 *
 * @param unitId      the unit recorded
 * @param sku         the catalog SKU the scan resolved to
 * @param disposition the disposition a tenant rule gave it at once, or null: held for inspection
 * @param message     what the person at the bench reads, in a sentence
 * @param rma         the RMA as it stands now
 */
public record ScanResult(UUID unitId, String sku, @Nullable Disposition disposition, String message, RmaView rma) {
}
