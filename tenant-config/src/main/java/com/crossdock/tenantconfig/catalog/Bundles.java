package com.crossdock.tenantconfig.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A tenant's bundle and kit definitions, checked to contain no loops, and the explosion of an ordered quantity
 * into what the warehouse picks. Virtual bundles are exploded, nested ones too; physical kits and plain SKUs are
 * picked as themselves.
 */
public final class Bundles {

    private final Map<Sku, BundleDefinition> definitions;

    private Bundles(Map<Sku, BundleDefinition> definitions) {
        this.definitions = definitions;
    }

    /** Accepts the definitions, or throws {@link BundleCycleException} naming a loop among them. */
    public static Bundles of(Collection<BundleDefinition> definitions) {
        Map<Sku, BundleDefinition> bySku = new HashMap<>();
        for (BundleDefinition definition : definitions) {
            if (bySku.put(definition.sku(), definition) != null) {
                throw new IllegalArgumentException("Bundle " + definition.sku() + " is defined twice");
            }
        }
        findCycle(bySku).ifPresent(cycle -> {
            throw new BundleCycleException(cycle);
        });
        return new Bundles(Map.copyOf(bySku));
    }

    /**
     * What the warehouse picks for {@code quantity} of {@code sku}: SKU → quantity, sorted by SKU. Throws
     * {@link ArithmeticException} if a quantity would overflow.
     */
    public Map<Sku, Long> explode(Sku sku, long quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("An ordered quantity cannot be negative");
        }
        Map<Sku, Long> picks = new TreeMap<>();
        explodeInto(sku, quantity, picks);
        return picks;
    }

    /** Whether {@code sku} is a virtual bundle (exploded at order time). */
    public boolean isVirtualBundle(Sku sku) {
        BundleDefinition definition = definitions.get(sku);
        return definition != null && definition.kind() == BundleKind.VIRTUAL;
    }

    private void explodeInto(Sku sku, long quantity, Map<Sku, Long> picks) {
        BundleDefinition definition = definitions.get(sku);
        if (definition == null || definition.kind() == BundleKind.PHYSICAL) {
            picks.merge(sku, quantity, Math::addExact);
            return;
        }
        for (BundleDefinition.Component component : definition.components()) {
            explodeInto(component.sku(), Math.multiplyExact(quantity, component.quantity()), picks);
        }
    }

    /** Depth-first search over all definitions (kits included: a kit built from itself is as wrong). */
    private static java.util.Optional<List<Sku>> findCycle(Map<Sku, BundleDefinition> bySku) {
        Set<Sku> done = new HashSet<>();
        for (Sku start : new java.util.TreeSet<>(bySku.keySet())) {
            if (done.contains(start)) {
                continue;
            }
            Deque<Sku> path = new ArrayDeque<>();
            Set<Sku> onPath = new HashSet<>();
            Deque<java.util.Iterator<BundleDefinition.Component>> iterators = new ArrayDeque<>();
            path.push(start);
            onPath.add(start);
            iterators.push(bySku.get(start).components().iterator());
            while (!iterators.isEmpty()) {
                java.util.Iterator<BundleDefinition.Component> next = iterators.peek();
                if (!next.hasNext()) {
                    iterators.pop();
                    Sku finished = path.pop();
                    onPath.remove(finished);
                    done.add(finished);
                    continue;
                }
                Sku child = next.next().sku();
                if (onPath.contains(child)) {
                    List<Sku> cycle = new ArrayList<>();
                    List<Sku> pathFromStart = new ArrayList<>(path).reversed();
                    cycle.addAll(pathFromStart.subList(pathFromStart.indexOf(child), pathFromStart.size()));
                    cycle.add(child);
                    return java.util.Optional.of(cycle);
                }
                BundleDefinition childDefinition = bySku.get(child);
                if (childDefinition != null && !done.contains(child)) {
                    path.push(child);
                    onPath.add(child);
                    iterators.push(childDefinition.components().iterator());
                }
            }
        }
        return java.util.Optional.empty();
    }
}
