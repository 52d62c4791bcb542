/**
 * The catalog onboarding workbook: its sheets and columns, reading CSV and XLSX files a person filled in into typed
 * rows with row-level problems, and writing the same format back (export and template).
 */
@NullMarked
package com.crossdock.tenantconfig.workbook;

import org.jspecify.annotations.NullMarked;
