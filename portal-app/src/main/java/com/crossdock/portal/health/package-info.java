/**
 * Sync health: rollups of flow runs, order journeys and exceptions per tenant, connection and flow, the dashboards
 * built on them (brand, portfolio, leadership, hypercare review), alert rules delivered by e-mail and signed
 * webhook, and the retention of raw events.
 */
@NullMarked
package com.crossdock.portal.health;

import org.jspecify.annotations.NullMarked;
