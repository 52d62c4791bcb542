package com.crossdock.portal.catalog;

import com.crossdock.tenantconfig.catalog.BundleDefinition;
import java.util.UUID;

/** A bundle as stored, with the version an edit is based on. */
public record BundleView(UUID id, BundleDefinition definition, long version) {
}
