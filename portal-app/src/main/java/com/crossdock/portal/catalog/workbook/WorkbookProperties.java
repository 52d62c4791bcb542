package com.crossdock.portal.catalog.workbook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of workbook uploads.
 *
 * @param maxRows        rows read from one upload, all sheets together, before it is refused
 * @param maxFileBytes   size of the uploaded file
 * @param stagingBatch   rows written to staging per statement: larger is faster, and holds more in memory
 */
@ConfigurationProperties("crossdock.workbook")
public record WorkbookProperties(@DefaultValue("2000000") long maxRows,
        @DefaultValue("209715200") long maxFileBytes, @DefaultValue("5000") int stagingBatch) {
}
