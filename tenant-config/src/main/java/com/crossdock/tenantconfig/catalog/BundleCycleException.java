package com.crossdock.tenantconfig.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** Bundle definitions that contain themselves through other bundles; {@link #cycle()} names the loop. */
public class BundleCycleException extends IllegalArgumentException {

    private final List<Sku> cycle;

    public BundleCycleException(List<Sku> cycle) {
        super("Bundles contain each other in a loop: "
                + cycle.stream().map(Sku::value).collect(Collectors.joining(" → ")));
        this.cycle = List.copyOf(cycle);
    }

    /** The SKUs of the loop, the first repeated at the end. */
    public List<Sku> cycle() {
        return cycle;
    }
}
