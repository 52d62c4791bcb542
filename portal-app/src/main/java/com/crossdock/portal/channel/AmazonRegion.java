package com.crossdock.portal.channel;

import java.net.URI;

/** The SP-API regions and their endpoints; a marketplace belongs to exactly one. */
public enum AmazonRegion {
    NA("North America (US, CA, MX, BR)", "https://sellingpartnerapi-na.amazon.com"),
    EU("Europe, Middle East, India", "https://sellingpartnerapi-eu.amazon.com"),
    FE("Far East (JP, AU, SG)", "https://sellingpartnerapi-fe.amazon.com");

    private final String label;
    private final URI endpoint;

    AmazonRegion(String label, String endpoint) {
        this.label = label;
        this.endpoint = URI.create(endpoint);
    }

    public String label() {
        return label;
    }

    public URI endpoint() {
        return endpoint;
    }
}
