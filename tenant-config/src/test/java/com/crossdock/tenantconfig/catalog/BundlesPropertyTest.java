package com.crossdock.tenantconfig.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.tenantconfig.catalog.BundleDefinition.Component;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random catalogs of up to 12 SKUs where SKU i may only contain SKUs with a higher index (so they are free of
 * loops by construction), with random kinds, quantities and per-SKU weights.
 */
class BundlesPropertyTest {

    record Catalog(List<BundleDefinition> definitions, Map<Sku, Long> leafWeights, int size) {
    }

    @Property
    void explosionConservesEveryUnitOfTheOrder(@ForAll("catalogs") Catalog catalog,
            @ForAll @IntRange(min = 0, max = 11) int index, @ForAll @IntRange(min = 0, max = 1000) int quantity) {
        Bundles bundles = Bundles.of(catalog.definitions());
        Sku ordered = sku(index % catalog.size());

        Map<Sku, Long> picks = bundles.explode(ordered, quantity);

        long pickedWeight = picks.entrySet().stream()
                .mapToLong(pick -> pick.getValue() * weight(pick.getKey(), catalog, bundles)).sum();
        assertThat(pickedWeight).isEqualTo(quantity * weight(ordered, catalog, bundles));
        assertThat(picks.keySet()).noneMatch(bundles::isVirtualBundle);
    }

    @Property
    void explodingNUnitsIsNTimesExplodingOne(@ForAll("catalogs") Catalog catalog,
            @ForAll @IntRange(min = 0, max = 11) int index, @ForAll @IntRange(min = 1, max = 500) int quantity) {
        Bundles bundles = Bundles.of(catalog.definitions());
        Sku ordered = sku(index % catalog.size());
        Map<Sku, Long> one = bundles.explode(ordered, 1);
        Map<Sku, Long> many = bundles.explode(ordered, quantity);
        assertThat(many.keySet()).isEqualTo(one.keySet());
        one.forEach((sku, units) -> assertThat(many.get(sku)).isEqualTo(units * quantity));
    }

    @Property
    void aBackEdgeIsNeverAccepted(@ForAll("catalogs") Catalog catalog, @ForAll @IntRange(min = 0, max = 11) int from) {
        List<BundleDefinition> definitions = new ArrayList<>(catalog.definitions());
        // a bundle deeper in the catalog now also contains a bundle that (transitively) contains it
        BundleDefinition top = definitions.getFirst();
        Sku descendant = top.components().getFirst().sku();
        int at = indexOf(definitions, descendant);
        BundleDefinition withLoop;
        if (at >= 0) {
            BundleDefinition deeper = definitions.get(at);
            List<Component> components = new ArrayList<>(deeper.components());
            components.removeIf(c -> c.sku().equals(top.sku()));
            components.add(new Component(top.sku(), 1 + from));
            withLoop = new BundleDefinition(deeper.sku(), deeper.kind(), components);
            definitions.set(at, withLoop);
        } else {
            definitions.add(new BundleDefinition(descendant, BundleKind.VIRTUAL, List.of(new Component(top.sku(), 1))));
        }

        assertThatThrownBy(() -> Bundles.of(definitions)).isInstanceOfSatisfying(BundleCycleException.class, e -> {
            List<Sku> cycle = e.cycle();
            assertThat(cycle.getFirst()).isEqualTo(cycle.getLast());
            Map<Sku, BundleDefinition> bySku = new HashMap<>();
            definitions.forEach(d -> bySku.put(d.sku(), d));
            for (int i = 0; i + 1 < cycle.size(); i++) {
                Sku next = cycle.get(i + 1);
                assertThat(bySku.get(cycle.get(i)).components()).anyMatch(c -> c.sku().equals(next));
            }
        });
    }

    @Provide
    Arbitrary<Catalog> catalogs() {
        return Arbitraries.integers().between(2, 12).flatMap(size -> {
            Arbitrary<List<Long>> weights = Arbitraries.longs().between(1, 50).list().ofSize(size);
            Arbitrary<List<List<Integer>>> quantities = Arbitraries.integers().between(0, 4).list().ofSize(size)
                    .list().ofSize(size);
            Arbitrary<List<Boolean>> physical = Arbitraries.of(true, false).list().ofSize(size);
            return Combinators.combine(weights, quantities, physical).as((w, q, p) -> build(size, w, q, p));
        });
    }

    private static Catalog build(int size, List<Long> weights, List<List<Integer>> quantities, List<Boolean> physical) {
        List<BundleDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<Component> components = new ArrayList<>();
            for (int j = i + 1; j < size; j++) {
                int quantity = quantities.get(i).get(j);
                if (quantity > 0) {
                    components.add(new Component(sku(j), quantity));
                }
            }
            if (i == 0 && components.isEmpty()) {
                components.add(new Component(sku(size - 1), 1));
            }
            if (!components.isEmpty()) {
                definitions.add(new BundleDefinition(sku(i), physical.get(i) && i != 0 ? BundleKind.PHYSICAL
                        : BundleKind.VIRTUAL, components));
            }
        }
        Map<Sku, Long> leafWeights = new HashMap<>();
        for (int i = 0; i < size; i++) {
            leafWeights.put(sku(i), weights.get(i));
        }
        return new Catalog(definitions, leafWeights, size);
    }

    /**
     * Units of "stuff" in one {@code sku}: anything picked whole (a plain SKU or a physical kit) weighs its own
     * weight; a virtual bundle the sum of its components'.
     */
    private static long weight(Sku sku, Catalog catalog, Bundles bundles) {
        if (!bundles.isVirtualBundle(sku)) {
            return catalog.leafWeights().get(sku);
        }
        BundleDefinition definition = catalog.definitions().stream().filter(d -> d.sku().equals(sku))
                .findFirst().orElseThrow();
        return definition.components().stream()
                .mapToLong(c -> c.quantity() * weight(c.sku(), catalog, bundles)).sum();
    }

    private static int indexOf(List<BundleDefinition> definitions, Sku sku) {
        for (int i = 0; i < definitions.size(); i++) {
            if (definitions.get(i).sku().equals(sku)) {
                return i;
            }
        }
        return -1;
    }

    private static Sku sku(int index) {
        return Sku.of("SKU-" + index);
    }
}
