package com.crossdock.portal.channel.amazon;

import com.crossdock.portal.channel.PayloadProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the Feeds API and the listings feed: a {@code JSON_LISTINGS_FEED} that sets the merchant-fulfilled
 * quantity of seller SKUs (a {@code PATCH} of {@code fulfillment_availability} per SKU), the feed and feed document
 * answers, the feed's processing report read into per-SKU results, and the Listings Items answer of a single SKU.
 * Strict like {@link AmazonOrderParser}: what it cannot use is an {@link AmazonPayloadException} naming the JSON path.
 * Stateless and thread-safe.
 */
public final class AmazonFeeds {

    /** The feed type that carries listings changes, inventory among them. */
    public static final String LISTINGS_FEED = "JSON_LISTINGS_FEED";
    /** The content type of a JSON feed document. */
    public static final String JSON_CONTENT = "application/json; charset=UTF-8";

    /** A feed document to upload to: its id and the (pre-signed) address to PUT the content to. */
    public record FeedDocument(String feedDocumentId, String url, @Nullable String compressionAlgorithm) {
    }

    /** A feed as {@code getFeed} answers: its processing status and, once done, the result document's id. */
    public record Feed(String feedId, String processingStatus, @Nullable String resultFeedDocumentId) {

        /** Whether Amazon has finished with the feed ({@code DONE}, {@code FATAL} or {@code CANCELLED}). */
        public boolean finished() {
            return processingStatus.equals("DONE") || processingStatus.equals("FATAL")
                    || processingStatus.equals("CANCELLED");
        }
    }

    /** One message of a listings feed: its id, the SKU, what it does and, for an inventory change, the quantity. */
    public record Message(int messageId, String sku, String operationType, @Nullable Integer quantity) {
    }

    /** A problem Amazon found with a SKU (or with the whole feed when {@code sku} is empty). */
    public record Issue(String sku, String code, String severity, String message, List<String> attributeNames) {

        public boolean error() {
            return severity.equals("ERROR");
        }
    }

    /**
     * A processing report: counts, the issues per SKU (in the report's order) and each SKU's issues as JSON, to keep
     * with the exception they become.
     */
    public record ProcessingReport(int processed, int accepted, int invalid, Map<String, List<Issue>> issuesBySku,
            Map<String, String> rawIssuesBySku, List<Issue> feedIssues) {

        /** The SKUs with at least one error: Amazon did not apply their messages. */
        public List<String> rejectedSkus() {
            return issuesBySku.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(Issue::error))
                    .map(Map.Entry::getKey).toList();
        }
    }

    /** The Listings Items answer of one SKU ({@code ACCEPTED} or {@code INVALID}) with its issues. */
    public record ListingsItemResult(String sku, String status, @Nullable String submissionId, List<Issue> issues) {

        public boolean accepted() {
            return status.equals("ACCEPTED");
        }
    }

    /** A listings feed setting the merchant-fulfilled ({@code DEFAULT}) quantity of each seller SKU. */
    public String inventoryFeed(String sellerId, Map<String, Integer> quantities) {
        ObjectNode root = AmazonOrderParser.MAPPER.createObjectNode();
        ObjectNode header = root.putObject("header");
        header.put("sellerId", sellerId);
        header.put("version", "2.0");
        header.put("issueLocale", "en_US");
        ArrayNode messages = root.putArray("messages");
        int id = 1;
        for (var entry : quantities.entrySet()) {
            ObjectNode message = messages.addObject();
            message.put("messageId", id++);
            message.put("sku", entry.getKey());
            message.put("operationType", "PATCH");
            message.put("productType", "PRODUCT");
            ObjectNode patch = message.putArray("patches").addObject();
            patch.put("op", "replace");
            patch.put("path", "/attributes/fulfillment_availability");
            patch.putArray("value").addObject().put("fulfillment_channel_code", "DEFAULT")
                    .put("quantity", entry.getValue());
        }
        return AmazonOrderParser.MAPPER.writeValueAsString(root);
    }

    /**
     * The messages of a listings feed, with the {@code DEFAULT} quantity each sets (by {@code PATCH},
     * {@code PARTIAL_UPDATE} or {@code UPDATE}; none for a {@code DELETE} or a change of other attributes).
     */
    public List<Message> parseListingsFeed(byte[] json) {
        JsonNode root = read(json);
        object(root.get("header"), "$.header");
        JsonNode messages = array(root.get("messages"), "$.messages");
        List<Message> parsed = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String path = "$.messages[" + i + "]";
            JsonNode message = object(messages.get(i), path);
            JsonNode id = message.get("messageId");
            if (id == null || !id.isIntegralNumber()) {
                throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, path + ".messageId", "a whole number is required");
            }
            String operation = text(message, "operationType", path);
            Integer quantity = null;
            if (operation.equals("PATCH")) {
                JsonNode patches = array(message.get("patches"), path + ".patches");
                for (int p = 0; p < patches.size(); p++) {
                    JsonNode patch = object(patches.get(p), path + ".patches[" + p + "]");
                    if ("/attributes/fulfillment_availability".equals(patch.path("path").asString(""))) {
                        quantity = quantity(patch.get("value"), path + ".patches[" + p + "].value");
                    }
                }
            } else if (!operation.equals("DELETE")) {
                JsonNode availability = message.path("attributes").get("fulfillment_availability");
                if (availability != null) {
                    quantity = quantity(availability, path + ".attributes.fulfillment_availability");
                }
            }
            parsed.add(new Message(id.intValue(), text(message, "sku", path), operation, quantity));
        }
        return parsed;
    }

    public FeedDocument parseFeedDocument(byte[] json) {
        JsonNode root = read(json);
        return new FeedDocument(text(root, "feedDocumentId", "$"), text(root, "url", "$"),
                optional(root, "compressionAlgorithm"));
    }

    public String parseCreatedFeedId(byte[] json) {
        return text(read(json), "feedId", "$");
    }

    public Feed parseFeed(byte[] json) {
        JsonNode root = read(json);
        return new Feed(text(root, "feedId", "$"), text(root, "processingStatus", "$"),
                optional(root, "resultFeedDocumentId"));
    }

    /** A listings feed processing report: every issue per SKU, with the SKU's issues as JSON. */
    public ProcessingReport parseProcessingReport(byte[] json) {
        JsonNode root = read(json);
        object(root.get("header"), "$.header");
        JsonNode summary = object(root.get("summary"), "$.summary");
        Map<String, List<Issue>> bySku = new LinkedHashMap<>();
        Map<String, ArrayNode> rawBySku = new LinkedHashMap<>();
        List<Issue> feedIssues = new ArrayList<>();
        JsonNode issues = root.get("issues");
        if (issues != null && !issues.isNull()) {
            array(issues, "$.issues");
            for (int i = 0; i < issues.size(); i++) {
                String path = "$.issues[" + i + "]";
                JsonNode node = object(issues.get(i), path);
                Issue issue = issue(node, optional(node, "sku"), path);
                if (issue.sku().isEmpty()) {
                    feedIssues.add(issue);
                } else {
                    bySku.computeIfAbsent(issue.sku(), sku -> new ArrayList<>()).add(issue);
                    rawBySku.computeIfAbsent(issue.sku(), sku -> AmazonOrderParser.MAPPER.createArrayNode()).add(node);
                }
            }
        }
        Map<String, String> raw = new LinkedHashMap<>();
        rawBySku.forEach((sku, nodes) -> raw.put(sku, AmazonOrderParser.MAPPER.writeValueAsString(nodes)));
        return new ProcessingReport(count(summary, "messagesProcessed"), count(summary, "messagesAccepted"),
                count(summary, "messagesInvalid"), bySku, raw, feedIssues);
    }

    /** A Listings Items {@code putListingsItem}/{@code patchListingsItem} answer. */
    public ListingsItemResult parseListingsItemResponse(byte[] json) {
        JsonNode root = read(json);
        String sku = text(root, "sku", "$");
        List<Issue> issues = new ArrayList<>();
        JsonNode list = root.get("issues");
        if (list != null && !list.isNull()) {
            array(list, "$.issues");
            for (int i = 0; i < list.size(); i++) {
                issues.add(issue(object(list.get(i), "$.issues[" + i + "]"), sku, "$.issues[" + i + "]"));
            }
        }
        return new ListingsItemResult(sku, text(root, "status", "$"), optional(root, "submissionId"), issues);
    }

    private static Issue issue(JsonNode node, @Nullable String sku, String path) {
        List<String> attributes = new ArrayList<>();
        JsonNode names = node.get("attributeNames");
        if (names != null && names.isArray()) {
            names.forEach(name -> attributes.add(name.asString("")));
        }
        String single = optional(node, "attributeName");
        if (single != null && !attributes.contains(single)) {
            attributes.add(single);
        }
        return new Issue(sku == null ? "" : sku, text(node, "code", path), text(node, "severity", path),
                text(node, "message", path), List.copyOf(attributes));
    }

    /** The DEFAULT (merchant-fulfilled) quantity, or {@code null} when only Amazon's channels are named. */
    private static @Nullable Integer quantity(@Nullable JsonNode availability, String path) {
        JsonNode list = array(availability, path);
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = object(list.get(i), path + "[" + i + "]");
            if ("DEFAULT".equals(entry.path("fulfillment_channel_code").asString(""))) {
                JsonNode quantity = entry.get("quantity");
                if (quantity == null || !quantity.isIntegralNumber() || quantity.intValue() < 0) {
                    throw new AmazonPayloadException(PayloadProblem.INVALID_VALUE, path + "[" + i + "].quantity",
                            "a quantity of zero or more is required, found " + quantity);
                }
                return quantity.intValue();
            }
        }
        return null;
    }

    private static int count(JsonNode summary, String field) {
        JsonNode value = summary.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, "$.summary." + field, "a count is required");
        }
        return value.intValue();
    }

    private static JsonNode read(byte[] json) {
        JsonNode root;
        try {
            root = AmazonOrderParser.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new AmazonPayloadException(PayloadProblem.MALFORMED_JSON, "$", e.getOriginalMessage(), e);
        }
        return object(root, "$");
    }

    static JsonNode object(@Nullable JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, path, "expected an object, found nothing");
        }
        if (!node.isObject()) {
            throw new AmazonPayloadException(PayloadProblem.WRONG_TYPE, path, "expected an object");
        }
        return node;
    }

    static JsonNode array(@Nullable JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, path, "expected a list, found nothing");
        }
        if (!node.isArray()) {
            throw new AmazonPayloadException(PayloadProblem.WRONG_TYPE, path, "expected a list");
        }
        return node;
    }

    static String text(JsonNode parent, String field, String path) {
        String value = optional(parent, field);
        if (value == null) {
            throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, path + "." + field, "required, found nothing");
        }
        return value;
    }

    static @Nullable String optional(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isString() ? value.asString() : value.isNumber() ? value.asString() : null;
        return text == null || text.isBlank() ? null : text.strip();
    }
}
