package com.crossdock.portal.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/** Lets the benchmarks, which live in a package of their own, apply inbound files the way the exchange does. */
public final class InboundWithoutServer {

    private InboundWithoutServer() {
    }

    /**
     * Keeps, reads, applies and marks applied each file (name → content, in order) as one exchange would.
     *
     * @return the documents applied
     */
    public static int receive(WmsExchange exchange, UUID connectionId, LinkedHashMap<String, byte[]> files) {
        List<WmsExchange.InboundFile> inbound = new ArrayList<>();
        files.forEach((name, content) -> inbound.add(new WmsExchange.InboundFile(name, content)));
        return exchange.receiveWithoutServer(connectionId, inbound);
    }
}
