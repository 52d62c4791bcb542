package com.crossdock.portal.channel.shopify;

import com.crossdock.portal.channel.PayloadProblem;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Reads Shopify JSON strictly and reports every failure as a {@link ShopifyPayloadException} with its path. */
final class ShopifyJson {

    /** Thread-safe once built; shared by the parser and the client. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            // a signed body with a key twice could be read differently by two parsers: refuse it
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // 1.5 units must not silently become 1
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ShopifyJson() {
    }

    /** The JSON object in {@code json}; anything else (empty, broken, an array) is refused. */
    static JsonNode readObject(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw translate(e, "$");
        }
        if (root == null || root.isMissingNode()) {
            throw new ShopifyPayloadException(PayloadProblem.MALFORMED_JSON, "$", "the body is empty");
        }
        if (!root.isObject()) {
            throw new ShopifyPayloadException(PayloadProblem.WRONG_TYPE, "$", "expected a JSON object, found " + kind(root));
        }
        return root;
    }

    /** Binds {@code node}, found at {@code path}, to {@code type}. */
    static <T> T bind(JsonNode node, Class<T> type, String path) {
        if (!node.isObject()) {
            throw new ShopifyPayloadException(PayloadProblem.WRONG_TYPE, path, "expected a JSON object, found " + kind(node));
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JacksonException e) {
            throw translate(e, path);
        }
    }

    static ShopifyPayloadException translate(JacksonException e, String basePath) {
        PayloadProblem reason = switch (e) {
            case InputCoercionException tooLarge -> PayloadProblem.WRONG_TYPE;
            case StreamReadException syntax -> PayloadProblem.MALFORMED_JSON;
            case InvalidFormatException badText -> PayloadProblem.INVALID_VALUE;
            case MismatchedInputException wrongType -> PayloadProblem.WRONG_TYPE;
            default -> PayloadProblem.INVALID_VALUE;
        };
        return new ShopifyPayloadException(reason, basePath + pathOf(e.getPath()), e.getOriginalMessage(), e);
    }

    /** A human word for a JSON value's type, for messages. */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "nothing";
        };
    }

    private static String pathOf(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
