package com.crossdock.tenantconfig.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A bundle or kit and what it is made of. Component quantities are in the component's own unit (eaches of the
 * component SKU).
 */
public record BundleDefinition(Sku sku, BundleKind kind, List<Component> components) {

    public BundleDefinition {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(kind, "kind");
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("Bundle " + sku + " has no components");
        }
        Set<Sku> seen = new HashSet<>();
        for (Component component : components) {
            if (component.sku().equals(sku)) {
                throw new IllegalArgumentException("Bundle " + sku + " cannot contain itself");
            }
            if (!seen.add(component.sku())) {
                throw new IllegalArgumentException("Bundle " + sku + " lists " + component.sku()
                        + " twice; put the total quantity on one line");
            }
        }
    }

    /** One line of a bundle: a component SKU and how many of it one bundle holds. */
    public record Component(Sku sku, int quantity) {
        public Component {
            Objects.requireNonNull(sku, "sku");
            if (quantity < 1) {
                throw new IllegalArgumentException("A component quantity is at least 1, not " + quantity);
            }
        }
    }
}
