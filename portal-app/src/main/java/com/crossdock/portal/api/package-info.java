/**
 * The public REST API under {@code /api/v1}: a brand's API clients (hashed keys with scopes), their stateless
 * filter chain, and JSON resources that call the same feature services, tenant checks and row-level security as the
 * portal's views.
 */
@NullMarked
package com.crossdock.portal.api;

import org.jspecify.annotations.NullMarked;
