/**
 * The X12 codec for warehouse (WMS) partners: reading interchanges (945, 944, 846, 947, 997, 856 and any other
 * transaction as plain segments) into records, and writing 940, 943, 945, 846, 997 and TA1. StAEDI does the
 * tokenising, the delimiter detection from the ISA and the envelope checks; this package turns its events into
 * records and every refusal into an {@link com.crossdock.tenantconfig.x12.X12Problem} that names the segment and
 * position.
 */
@NullMarked
package com.crossdock.tenantconfig.x12;

import org.jspecify.annotations.NullMarked;
