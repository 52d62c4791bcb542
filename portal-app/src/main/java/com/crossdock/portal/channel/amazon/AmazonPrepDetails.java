package com.crossdock.portal.channel.amazon;

import com.crossdock.portal.channel.PayloadProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fulfillment Inbound 2024-03-20 prep details: {@code listPrepDetails} answers read into one {@link Msku} per seller
 * SKU, and the {@code setPrepDetails} request written from them. Codes stay Amazon's strings (the catalog's enums
 * check them when compared). Strict like {@link AmazonOrderParser}. Stateless and thread-safe.
 */
public final class AmazonPrepDetails {

    /**
     * Amazon's prep details of one seller SKU.
     *
     * @param prepCategory         e.g. {@code TEXTILE}, {@code UNKNOWN} while Amazon has none
     * @param prepTypes            e.g. {@code ITEM_LABELING}, {@code ITEM_POLYBAGGING}
     * @param prepOwnerConstraint  {@code AMAZON_ONLY}, {@code NONE_ONLY}, {@code SELLER_ONLY}, or {@code null}
     * @param labelOwnerConstraint the same for labels
     */
    public record Msku(String msku, @Nullable String prepCategory, Set<String> prepTypes,
            @Nullable String prepOwnerConstraint, @Nullable String labelOwnerConstraint,
            @Nullable String allOwnersConstraint) {

        public Msku {
            prepTypes = Set.copyOf(new TreeSet<>(prepTypes));
        }

        /** Whether an owner (AMAZON, SELLER, NONE) meets a constraint such as {@code SELLER_ONLY}. */
        public static boolean allows(@Nullable String constraint, @Nullable String owner) {
            return constraint == null || (owner != null && constraint.equals(owner + "_ONLY"));
        }
    }

    public List<Msku> parseList(byte[] json) {
        JsonNode root = AmazonFeeds.object(read(json), "$");
        JsonNode list = AmazonFeeds.array(root.get("mskuPrepDetails"), "$.mskuPrepDetails");
        List<Msku> details = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "$.mskuPrepDetails[" + i + "]";
            JsonNode node = AmazonFeeds.object(list.get(i), path);
            Set<String> types = new TreeSet<>();
            JsonNode typeList = node.get("prepTypes");
            if (typeList != null && !typeList.isNull()) {
                AmazonFeeds.array(typeList, path + ".prepTypes");
                for (int t = 0; t < typeList.size(); t++) {
                    if (!typeList.get(t).isString()) {
                        throw new AmazonPayloadException(PayloadProblem.WRONG_TYPE, path + ".prepTypes[" + t + "]",
                                "expected a prep type code");
                    }
                    types.add(typeList.get(t).asString());
                }
            }
            details.add(new Msku(AmazonFeeds.text(node, "msku", path), AmazonFeeds.optional(node, "prepCategory"),
                    types, AmazonFeeds.optional(node, "prepOwnerConstraint"),
                    AmazonFeeds.optional(node, "labelOwnerConstraint"),
                    AmazonFeeds.optional(node, "allOwnersConstraint")));
        }
        return details;
    }

    /** The {@code setPrepDetails} request: each SKU's category and types, for one marketplace. */
    public String setRequest(String marketplaceId, List<Msku> details) {
        ObjectNode root = AmazonOrderParser.MAPPER.createObjectNode();
        root.put("marketplaceId", marketplaceId);
        ArrayNode list = root.putArray("mskuPrepDetails");
        for (Msku detail : details) {
            ObjectNode node = list.addObject();
            node.put("msku", detail.msku());
            node.put("prepCategory", detail.prepCategory());
            ArrayNode types = node.putArray("prepTypes");
            detail.prepTypes().stream().sorted().forEach(types::add);
        }
        return AmazonOrderParser.MAPPER.writeValueAsString(root);
    }

    /** A {@code setPrepDetails} request read back: its marketplace and details (what the sandbox applies). */
    public record SetRequest(String marketplaceId, List<Msku> details) {
    }

    public SetRequest parseSetRequest(byte[] json) {
        JsonNode root = AmazonFeeds.object(read(json), "$");
        String marketplace = AmazonFeeds.text(root, "marketplaceId", "$");
        List<Msku> details = parseList(json);
        for (int i = 0; i < details.size(); i++) {
            if (details.get(i).prepCategory() == null) {
                throw new AmazonPayloadException(PayloadProblem.MISSING_FIELD, "$.mskuPrepDetails[" + i + "].prepCategory",
                        "required, found nothing");
            }
        }
        return new SetRequest(marketplace, details);
    }

    /**
     * A legacy (Fulfillment Inbound v0) {@code getPrepInstructions} answer: per seller SKU its prep instructions and
     * barcode instruction, and the SKUs Amazon does not know with the reason.
     */
    public record LegacyInstructions(java.util.Map<String, List<String>> instructionsBySku,
            java.util.Map<String, String> barcodeBySku, java.util.Map<String, String> invalidSkus) {
    }

    public LegacyInstructions parseLegacyInstructions(byte[] json) {
        JsonNode payload = AmazonFeeds.object(AmazonFeeds.object(read(json), "$").get("payload"), "$.payload");
        java.util.Map<String, List<String>> instructions = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> barcodes = new java.util.LinkedHashMap<>();
        JsonNode list = AmazonFeeds.array(payload.get("SKUPrepInstructionsList"), "$.payload.SKUPrepInstructionsList");
        for (int i = 0; i < list.size(); i++) {
            String path = "$.payload.SKUPrepInstructionsList[" + i + "]";
            JsonNode node = AmazonFeeds.object(list.get(i), path);
            String sku = AmazonFeeds.text(node, "SellerSKU", path);
            List<String> steps = new ArrayList<>();
            AmazonFeeds.array(node.get("PrepInstructionList"), path + ".PrepInstructionList")
                    .forEach(step -> steps.add(step.asString("")));
            instructions.put(sku, List.copyOf(steps));
            barcodes.put(sku, AmazonFeeds.text(node, "BarcodeInstruction", path));
        }
        java.util.Map<String, String> invalid = new java.util.LinkedHashMap<>();
        JsonNode invalidList = payload.get("InvalidSKUList");
        if (invalidList != null && !invalidList.isNull()) {
            AmazonFeeds.array(invalidList, "$.payload.InvalidSKUList");
            for (int i = 0; i < invalidList.size(); i++) {
                String path = "$.payload.InvalidSKUList[" + i + "]";
                JsonNode node = AmazonFeeds.object(invalidList.get(i), path);
                invalid.put(AmazonFeeds.text(node, "SellerSKU", path), AmazonFeeds.text(node, "ErrorReason", path));
            }
        }
        return new LegacyInstructions(instructions, barcodes, invalid);
    }

    private static JsonNode read(byte[] json) {
        try {
            return AmazonOrderParser.MAPPER.readTree(json);
        } catch (tools.jackson.core.JacksonException e) {
            throw new AmazonPayloadException(PayloadProblem.MALFORMED_JSON, "$", e.getOriginalMessage(), e);
        }
    }
}
