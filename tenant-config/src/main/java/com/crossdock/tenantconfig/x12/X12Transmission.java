package com.crossdock.tenantconfig.x12;

import java.util.List;

/**
 * Everything one input held: its interchanges in order and the deviations the reader tolerated.
 *
 * @param interchanges one per ISA/IEA pair
 * @param warnings     deviations from the standard that were read anyway (each names segment and position)
 */
public record X12Transmission(List<X12Interchange> interchanges, List<X12Problem> warnings) {

    public X12Transmission {
        interchanges = List.copyOf(interchanges);
        warnings = List.copyOf(warnings);
    }

    /** The only interchange of the input. */
    public X12Interchange single() {
        if (interchanges.size() != 1) {
            throw new IllegalStateException("The input holds " + interchanges.size() + " interchanges");
        }
        return interchanges.getFirst();
    }

    /** Every transaction of every group of every interchange, in input order. */
    public List<X12Transaction> transactions() {
        return interchanges.stream().flatMap(i -> i.groups().stream()).flatMap(g -> g.transactions().stream())
                .toList();
    }
}
