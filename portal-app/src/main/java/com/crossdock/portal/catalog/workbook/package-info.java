/**
 * The catalog workbook: import of a filled-in workbook through staging, checks, a dry-run preview and a commit,
 * and export of the catalog in the same format.
 */
@NullMarked
package com.crossdock.portal.catalog.workbook;

import org.jspecify.annotations.NullMarked;
