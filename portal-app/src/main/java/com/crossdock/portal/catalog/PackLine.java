package com.crossdock.portal.catalog;

import com.crossdock.tenantconfig.catalog.PackLevel;
import org.jspecify.annotations.Nullable;

/** One pack level as entered: eaches per pack, optional dimensions (mm), weight (g) and barcode (GTIN). */
public record PackLine(PackLevel level, int eaches, @Nullable Integer lengthMm, @Nullable Integer widthMm,
        @Nullable Integer heightMm, @Nullable Integer weightG, @Nullable String gtin) {
}
