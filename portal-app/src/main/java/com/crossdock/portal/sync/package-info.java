/**
 * The sync engine: inbound channel payloads kept in an inbox before parsing, turned into canonical orders with
 * SKUs resolved and bundles exploded, held or released into the warehouse outbox, with exceptions for what cannot
 * move and a journey per order.
 */
@NullMarked
package com.crossdock.portal.sync;

import org.jspecify.annotations.NullMarked;
