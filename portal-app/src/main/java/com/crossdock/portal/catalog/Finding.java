package com.crossdock.portal.catalog;

import java.util.List;

/**
 * One data-quality problem of a tenant's catalog: what is wrong, how to fix it, and the SKUs involved.
 *
 * @param kind a stable code, counted by the readiness score
 */
public record Finding(Kind kind, String problem, String fix, List<String> skus) {

    public Finding {
        skus = List.copyOf(skus);
    }

    /** The kinds of finding, with what each means. */
    public enum Kind {
        DUPLICATE_SKU("Duplicate SKU"),
        ALIAS_COLLISION("Alias collision"),
        MISSING_EACH_PACK("No each pack"),
        INCONSISTENT_PACKS("Inconsistent packs"),
        BUNDLE_MISSING_COMPONENT("Bundle without its components"),
        MISSING_PREP("FBA prep missing or inconsistent"),
        AMAZON_PREP_MISMATCH("FBA prep differs from Amazon's");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
