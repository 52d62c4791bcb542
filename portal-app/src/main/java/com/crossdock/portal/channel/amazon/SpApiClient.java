package com.crossdock.portal.channel.amazon;

import com.crossdock.portal.channel.amazon.AmazonOrderParser.ItemsPage;
import com.crossdock.portal.channel.amazon.AmazonOrderParser.OrdersPage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Orders API v0 of one selling partner in one region: {@code getOrders} (by {@code LastUpdatedAfter}, paged by
 * {@code NextToken}) and {@code getOrderItems}. Every call takes a token of its operation's bucket first; a 429
 * {@code QuotaExceeded} empties the bucket and the call waits and goes again (it never fails for it); an
 * unauthorised answer renews the access token once; a 5xx is tried again a few times with a growing wait.
 * Thread-safe.
 */
public final class SpApiClient {

    /** How often a 5xx or an unreachable Amazon is tried again before the call fails. */
    static final int SERVER_ATTEMPTS = 4;
    /** A call still throttled after this many waits fails: Amazon's usage plan must have changed drastically. */
    static final int THROTTLE_ATTEMPTS = 50;

    private final URI endpoint;
    private final SpApiTransport transport;
    private final LwaTokens tokens;
    private final SpApiLimiter limiter;
    private final Pace pace;
    private final AmazonOrderParser parser = new AmazonOrderParser();
    private final AmazonFeeds feeds = new AmazonFeeds();
    private final AmazonPrepDetails prep = new AmazonPrepDetails();
    private final AmazonOrders2026 orders2026 = new AmazonOrders2026();

    /**
     * @param endpoint the region's SP-API endpoint, e.g. {@code https://sellingpartnerapi-na.amazon.com}, or the
     *                 sandbox's address
     */
    public SpApiClient(URI endpoint, SpApiTransport transport, LwaTokens tokens, SpApiLimiter limiter, Pace pace) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.tokens = tokens;
        this.limiter = limiter;
        this.pace = pace;
    }

    /** The first page of orders changed after {@code lastUpdatedAfter}, or the page {@code nextToken} names. */
    public OrdersPage getOrders(List<String> marketplaceIds, Instant lastUpdatedAfter, @Nullable String nextToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("MarketplaceIds", String.join(",", marketplaceIds));
        if (nextToken == null) {
            query.put("LastUpdatedAfter", lastUpdatedAfter.truncatedTo(ChronoUnit.SECONDS).toString());
        } else {
            query.put("NextToken", nextToken);
        }
        return parser.parseOrdersPage(get(SpApiOperation.GET_ORDERS, "/orders/v0/orders", query));
    }

    /**
     * Orders 2026-01-01 {@code searchOrders}: the first page of orders changed after {@code lastUpdatedAfter}, items
     * and addresses included, or the page {@code paginationToken} names.
     */
    public OrdersPage searchOrders(List<String> marketplaceIds, Instant lastUpdatedAfter,
            @Nullable String paginationToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("marketplaceIds", String.join(",", marketplaceIds));
        query.put("includedData", AmazonOrders2026.INCLUDED_DATA);
        if (paginationToken == null) {
            query.put("lastUpdatedAfter", lastUpdatedAfter.truncatedTo(ChronoUnit.SECONDS).toString());
        } else {
            query.put("paginationToken", paginationToken);
        }
        return orders2026.parseSearchPage(get(SpApiOperation.SEARCH_ORDERS, "/orders/2026-01-01/orders", query));
    }

    /** Orders 2026-01-01 {@code getOrder}: one order's JSON, items included. */
    public String getOrder2026(String amazonOrderId) {
        return orders2026.parseGetOrder(get(SpApiOperation.GET_ORDER_2026, "/orders/2026-01-01/orders/"
                + encode(amazonOrderId), Map.of("includedData", AmazonOrders2026.INCLUDED_DATA)));
    }

    /** Orders v0 {@code getOrder}: one order's JSON as Amazon sent it. */
    public String getOrder(String amazonOrderId) {
        return parser.parseOrderPayload(get(SpApiOperation.GET_ORDER, "/orders/v0/orders/" + encode(amazonOrderId),
                Map.of()));
    }

    /** Every item of an order, all pages read. */
    public List<String> getOrderItems(String amazonOrderId) {
        List<String> items = new java.util.ArrayList<>();
        String next = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            if (next != null) {
                query.put("NextToken", next);
            }
            ItemsPage page = parser.parseItemsPage(get(SpApiOperation.GET_ORDER_ITEMS,
                    "/orders/v0/orders/" + encode(amazonOrderId) + "/orderItems", query));
            items.addAll(page.items());
            next = page.nextToken();
        } while (next != null);
        return items;
    }

    /**
     * Confirms one package of a merchant-fulfilled order ({@code confirmShipment}): its carrier, tracking number and
     * the order items (with quantities) it carried. A split shipment is one call per package.
     *
     * @throws SpApiException with status 400 when Amazon refuses the confirmation (its message says why)
     */
    public void confirmShipment(String amazonOrderId, ShipmentConfirmation confirmation) {
        call(SpApiOperation.CONFIRM_SHIPMENT, "POST", "/orders/v0/orders/" + encode(amazonOrderId)
                + "/shipmentConfirmation", Map.of(), confirmation.toJson());
    }

    /** Feeds {@code createFeedDocument}: a document to upload a feed's content to. */
    public AmazonFeeds.FeedDocument createFeedDocument(String contentType) {
        var body = AmazonOrderParser.MAPPER.createObjectNode().put("contentType", contentType);
        return feeds.parseFeedDocument(send(SpApiOperation.CREATE_FEED_DOCUMENT, "POST", "/feeds/2021-06-30/documents",
                AmazonOrderParser.MAPPER.writeValueAsString(body)));
    }

    /**
     * Uploads a feed's content to the document's pre-signed address (no access token: the address is the
     * permission, and no SP-API rate limit applies). A 5xx is tried again like an SP-API call.
     */
    public void upload(AmazonFeeds.FeedDocument document, String contentType, String content) {
        int failures = 0;
        while (true) {
            SpApiTransport.Answer answer;
            try {
                answer = transport.send(new SpApiTransport.Call("PUT", URI.create(document.url()),
                        Map.of("content-type", contentType), content));
            } catch (SpApiException unreachable) {
                if (++failures >= SERVER_ATTEMPTS) {
                    throw unreachable;
                }
                pace.sleep(backoff(failures));
                continue;
            }
            if (answer.status() >= 200 && answer.status() < 300) {
                return;
            }
            if (answer.status() < 500 || ++failures >= SERVER_ATTEMPTS) {
                throw new SpApiException("uploading feed document " + document.feedDocumentId() + " answered "
                        + answer.status() + ": " + errorMessage(answer), answer.status());
            }
            pace.sleep(backoff(failures));
        }
    }

    /** Feeds {@code createFeed}: the feed's id. */
    public String createFeed(String feedType, List<String> marketplaceIds, String inputFeedDocumentId) {
        var body = AmazonOrderParser.MAPPER.createObjectNode().put("feedType", feedType);
        marketplaceIds.forEach(body.putArray("marketplaceIds")::add);
        body.put("inputFeedDocumentId", inputFeedDocumentId);
        return feeds.parseCreatedFeedId(send(SpApiOperation.CREATE_FEED, "POST", "/feeds/2021-06-30/feeds",
                AmazonOrderParser.MAPPER.writeValueAsString(body)));
    }

    /** Feeds {@code getFeed}: where Amazon is with the feed. */
    public AmazonFeeds.Feed getFeed(String feedId) {
        return feeds.parseFeed(get(SpApiOperation.GET_FEED, "/feeds/2021-06-30/feeds/" + encode(feedId), Map.of()));
    }

    /** Feeds {@code getFeedDocument}, then the document's content itself (unzipped when Amazon gzipped it). */
    public byte[] downloadFeedDocument(String feedDocumentId) {
        AmazonFeeds.FeedDocument document = feeds.parseFeedDocument(get(SpApiOperation.GET_FEED_DOCUMENT,
                "/feeds/2021-06-30/documents/" + encode(feedDocumentId), Map.of()));
        SpApiTransport.Answer answer = transport.send(new SpApiTransport.Call("GET", URI.create(document.url()),
                Map.of(), ""));
        if (answer.status() != 200) {
            throw new SpApiException("downloading feed document " + feedDocumentId + " answered " + answer.status()
                    + ": " + errorMessage(answer), answer.status());
        }
        if ("GZIP".equalsIgnoreCase(document.compressionAlgorithm())) {
            // a binary body comes through the transport byte for byte as ISO-8859-1 (see SpApiTransport.http)
            byte[] content = answer.body().getBytes(StandardCharsets.ISO_8859_1);
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(content))) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new SpApiException("feed document " + feedDocumentId + " is not the gzip Amazon said", e);
            }
        }
        return answer.body().getBytes(StandardCharsets.UTF_8);
    }

    /** Fulfillment Inbound 2024-03-20 {@code listPrepDetails} of up to 100 seller SKUs in one marketplace. */
    public List<AmazonPrepDetails.Msku> listPrepDetails(String marketplaceId, List<String> mskus) {
        if (mskus.isEmpty() || mskus.size() > 100) {
            throw new IllegalArgumentException("ask for 1 to 100 seller SKUs at a time, not " + mskus.size());
        }
        StringBuilder path = new StringBuilder("/inbound/fba/2024-03-20/items/prepDetails?marketplaceId=")
                .append(encode(marketplaceId));
        mskus.forEach(msku -> path.append("&mskus=").append(encode(msku)));
        return prep.parseList(call(SpApiOperation.LIST_PREP_DETAILS, "GET", path.toString(), Map.of(), ""));
    }

    /** Fulfillment Inbound 2024-03-20 {@code setPrepDetails}: each seller SKU's prep category and types. */
    public void setPrepDetails(String marketplaceId, List<AmazonPrepDetails.Msku> details) {
        send(SpApiOperation.SET_PREP_DETAILS, "POST", "/inbound/fba/2024-03-20/items/prepDetails",
                prep.setRequest(marketplaceId, details));
    }

    /** A GET of the SP-API: the body of the successful answer. */
    byte[] get(SpApiOperation operation, String path, Map<String, String> query) {
        return call(operation, "GET", path, query, "");
    }

    /** A POST or PUT of JSON to the SP-API: the body of the successful answer (empty for a 204). */
    byte[] send(SpApiOperation operation, String method, String path, String json) {
        return call(operation, method, path, Map.of(), json);
    }

    private byte[] call(SpApiOperation operation, String method, String path, Map<String, String> query,
            String body) {
        StringBuilder address = new StringBuilder(endpoint.toString().replaceAll("/+$", "")).append(path);
        String separator = "?";
        for (var entry : query.entrySet()) {
            address.append(separator).append(entry.getKey()).append('=').append(encode(entry.getValue()));
            separator = "&";
        }
        URI uri = URI.create(address.toString());
        int serverFailures = 0;
        int throttles = 0;
        boolean renewed = false;
        String token = tokens.token();
        while (true) {
            limiter.acquire(operation);
            SpApiTransport.Answer answer;
            try {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("x-amz-access-token", token);
                headers.put("accept", "application/json");
                headers.put("user-agent", "Crossdock/1.0 (Language=Java)");
                if (!body.isEmpty()) {
                    headers.put("content-type", "application/json");
                }
                answer = transport.send(new SpApiTransport.Call(method, uri, headers, body));
            } catch (SpApiException unreachable) {
                if (++serverFailures >= SERVER_ATTEMPTS) {
                    throw unreachable;
                }
                pace.sleep(backoff(serverFailures));
                continue;
            }
            answer.header("x-amzn-RateLimit-Limit").ifPresent(limit -> observe(operation, limit));
            int status = answer.status();
            if (status >= 200 && status < 300) {
                return answer.body().getBytes(StandardCharsets.UTF_8);
            }
            if (status == 429) {
                // QuotaExceeded: Amazon's bucket is empty; ours waits for the next token and the call goes again
                limiter.throttled(operation);
                if (++throttles >= THROTTLE_ATTEMPTS) {
                    throw new SpApiException(operation + " was still throttled after " + throttles + " waits", 429);
                }
                continue;
            }
            if ((status == 401 || status == 403) && !renewed && looksLikeTokenProblem(answer)) {
                renewed = true;
                token = tokens.rejected(token);
                continue;
            }
            if (status >= 500 && ++serverFailures < SERVER_ATTEMPTS) {
                pace.sleep(backoff(serverFailures));
                continue;
            }
            throw new SpApiException(operation + " answered " + status + ": " + errorMessage(answer), status);
        }
    }

    private void observe(SpApiOperation operation, String limit) {
        try {
            limiter.observeRate(operation, Double.parseDouble(limit.strip()));
        } catch (NumberFormatException ignored) {
            // a header we cannot read leaves the published rate in place; the call's answer still counts
        }
    }

    private static boolean looksLikeTokenProblem(SpApiTransport.Answer answer) {
        return answer.status() == 401 || answer.body().contains("Unauthorized")
                || answer.body().contains("expired") || answer.body().contains("InvalidToken");
    }

    private static String errorMessage(SpApiTransport.Answer answer) {
        String body = answer.body().strip();
        return body.isEmpty() ? "(no body)" : body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(500L << Math.min(attempt, 6));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
