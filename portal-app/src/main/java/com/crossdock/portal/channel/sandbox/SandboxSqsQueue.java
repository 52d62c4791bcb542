package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.amazon.Pace;
import com.crossdock.portal.channel.amazon.SpApiTransport.Answer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sandbox seller's Amazon SQS queue of SP-API notifications, answering SQS's AWS JSON 1.0 protocol as the AWS SDK
 * calls it ({@code POST} with {@code X-Amz-Target: AmazonSQS.<Operation>} and an {@code application/x-amz-json-1.0}
 * body): {@code ReceiveMessage} (up to ten messages, long polling up to 20 seconds, each received message hidden for
 * its visibility timeout and given a new receipt handle; one not deleted by then is delivered again with a higher
 * receive count), {@code DeleteMessage} by receipt handle, and {@code GetQueueUrl}. Errors are SQS's: a JSON body
 * with {@code __type} and {@code message} and the {@code x-amzn-query-error} header. The request must carry a SigV4
 * {@code Authorization} header naming the queue's access key id (the signature itself is not checked). Faults: the
 * next messages delivered again after they were deleted (SQS's at-least-once), and 500 {@code InternalError}s.
 * Not thread-safe on its own: {@link AmazonSandboxStore} holds its lock around every call (and waits on it).
 */
final class SandboxSqsQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_10 = "application/x-amz-json-1.0";
    private static final Pattern CREDENTIAL = Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/\\d{8}/"
            + "([a-z0-9-]+)/sqs/aws4_request\\s*,\\s*SignedHeaders=[^,]+,\\s*Signature=[0-9a-f]{64}");
    /** SQS's default visibility timeout, for a receive that does not ask for one. */
    private static final Duration DEFAULT_VISIBILITY = Duration.ofSeconds(30);

    private static final class Message {
        final String id;
        final String body;
        final Instant sent;
        Instant visibleFrom;
        @Nullable String receiptHandle;
        int receiveCount;

        Message(String id, String body, Instant sent, Instant visibleFrom) {
            this.id = id;
            this.body = body;
            this.sent = sent;
            this.visibleFrom = visibleFrom;
        }
    }

    private final String queueName;
    private final String accountId;
    private final @Nullable String accessKeyId;
    private final Pace pace;
    private final Object lock;
    private final List<Message> messages = new ArrayList<>();
    private int duplicates;
    private int errors;
    private int delivered;

    /**
     * @param accessKeyId the access key id a caller must sign with, or {@code null} to accept any
     * @param lock        the monitor the caller holds around every call (a long poll waits on it)
     */
    SandboxSqsQueue(String queueName, String accountId, @Nullable String accessKeyId, Pace pace, Object lock) {
        this.queueName = queueName;
        this.accountId = accountId;
        this.accessKeyId = accessKeyId;
        this.pace = pace;
        this.lock = lock;
    }

    /** Amazon posts a notification to the queue. */
    void send(String body) {
        Instant now = pace.now();
        messages.add(new Message(UUID.randomUUID().toString(), body, now, now));
        lock.notifyAll();
    }

    /** The next {@code count} messages delivered are delivered again after they are deleted. */
    void duplicateNext(int count) {
        duplicates += count;
    }

    /** The next {@code count} calls answer 500 {@code InternalError}. */
    void failNext(int count) {
        errors += count;
    }

    /** Messages on the queue, visible or in flight. */
    int depth() {
        return messages.size();
    }

    /** Messages delivered so far, a message received twice counting twice. */
    int deliveries() {
        return delivered;
    }

    /** One call of the protocol; {@code queueUrlBase} is the endpoint's address, which queue URLs start with. */
    Answer call(@Nullable String target, @Nullable String authorization, String body, String queueUrlBase) {
        Matcher credential = CREDENTIAL.matcher(authorization == null ? "" : authorization);
        if (!credential.lookingAt()) {
            return error(400, "MissingAuthenticationToken", "MissingAuthenticationToken",
                    "Request is missing Authentication Token", true);
        }
        if (accessKeyId != null && !accessKeyId.equals(credential.group(1))) {
            return error(403, "UnrecognizedClientException", "InvalidClientTokenId",
                    "The security token included in the request is invalid.", true);
        }
        if (errors > 0) {
            errors--;
            return error(500, "InternalError", "InternalError",
                    "We encountered an internal error. Please try again.", false);
        }
        JsonNode request;
        try {
            request = JSON.readTree(body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            return error(400, "SerializationException", "SerializationException",
                    "Start of structure or map found where not expected.", true);
        }
        String queueUrl = queueUrlBase + "/" + accountId + "/" + queueName;
        String operation = target == null ? "" : target.replaceFirst("^AmazonSQS\\.", "");
        if (operation.equals("GetQueueUrl")) {
            return getQueueUrl(request, queueUrl);
        }
        if (!List.of("ReceiveMessage", "DeleteMessage").contains(operation) || !target.startsWith("AmazonSQS.")) {
            return error(400, "UnknownOperationException", "UnknownOperationException",
                    "The action or operation requested is invalid. Verify that the action is typed correctly.", true);
        }
        String asked = request.path("QueueUrl").asString("");
        if (!asked.endsWith("/" + accountId + "/" + queueName)) {
            return error(400, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
                    "The specified queue does not exist.", true);
        }
        return operation.equals("ReceiveMessage") ? receive(request) : delete(request);
    }

    private Answer getQueueUrl(JsonNode request, String queueUrl) {
        String owner = request.path("QueueOwnerAWSAccountId").asString(accountId);
        if (!queueName.equals(request.path("QueueName").asString("")) || !accountId.equals(owner)) {
            return error(400, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
                    "The specified queue does not exist.", true);
        }
        return ok(Map.of("QueueUrl", queueUrl));
    }

    private Answer receive(JsonNode request) {
        int max = request.path("MaxNumberOfMessages").asInt(1);
        int wait = request.path("WaitTimeSeconds").asInt(0);
        int visibility = request.path("VisibilityTimeout").asInt((int) DEFAULT_VISIBILITY.toSeconds());
        if (max < 1 || max > 10) {
            return invalid("Value " + max + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between "
                    + "1 and 10, if provided.");
        }
        if (wait < 0 || wait > 20) {
            return invalid("Value " + wait + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and "
                    + "<= 20, if provided.");
        }
        if (visibility < 0 || visibility > 43_200) {
            return invalid("Value " + visibility + " for parameter VisibilityTimeout is invalid. Reason: Must be "
                    + ">= 0 and <= 43200, if provided.");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(wait).toNanos();
        List<Message> batch = visible(max);
        while (batch.isEmpty() && System.nanoTime() < deadline) {
            // a long poll: wait for a message to be sent or to become visible again (a hidden one's timeout ends)
            long millis = Math.max(1, Math.min(Duration.ofNanos(deadline - System.nanoTime()).toMillis(),
                    untilNextVisible()));
            try {
                lock.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            batch = visible(max);
        }
        Instant now = pace.now();
        List<Map<String, Object>> answered = new ArrayList<>();
        for (Message message : batch) {
            message.receiveCount++;
            message.receiptHandle = receiptHandle(message);
            message.visibleFrom = now.plusSeconds(visibility);
            Map<String, Object> shaped = new LinkedHashMap<>();
            shaped.put("MessageId", message.id);
            shaped.put("ReceiptHandle", message.receiptHandle);
            shaped.put("MD5OfBody", md5(message.body));
            shaped.put("Body", message.body);
            shaped.put("Attributes", attributes(request, message));
            answered.add(shaped);
        }
        delivered += answered.size();
        // SQS answers an empty receive with an empty object
        return ok(answered.isEmpty() ? Map.of() : Map.of("Messages", answered));
    }

    private List<Message> visible(int max) {
        Instant now = pace.now();
        return messages.stream().filter(message -> !message.visibleFrom.isAfter(now)).limit(max).toList();
    }

    private long untilNextVisible() {
        Instant now = pace.now();
        return messages.stream().map(message -> Duration.between(now, message.visibleFrom).toMillis())
                .filter(millis -> millis > 0).min(Long::compare).orElse(Long.MAX_VALUE);
    }

    private static Map<String, String> attributes(JsonNode request, Message message) {
        List<String> names = new ArrayList<>();
        request.path("MessageSystemAttributeNames").forEach(name -> names.add(name.asString("")));
        request.path("AttributeNames").forEach(name -> names.add(name.asString("")));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("ApproximateReceiveCount", String.valueOf(message.receiveCount));
        all.put("SentTimestamp", String.valueOf(message.sent.toEpochMilli()));
        all.put("SenderId", "AIDASANDBOXSPAPINOTIFY");
        Map<String, String> asked = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (names.contains("All") || names.contains(name)) {
                asked.put(name, value);
            }
        });
        return asked;
    }

    private Answer delete(JsonNode request) {
        String handle = request.path("ReceiptHandle").asString("");
        if (handle.isEmpty()) {
            return error(400, "MissingParameter", "MissingParameter",
                    "The request must contain the parameter ReceiptHandle.", true);
        }
        String messageId = messageIdOf(handle);
        if (messageId == null) {
            return error(400, "ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid",
                    "The input receipt handle \"" + handle + "\" is not a valid receipt handle.", true);
        }
        for (Iterator<Message> it = messages.iterator(); it.hasNext(); ) {
            Message message = it.next();
            if (message.id.equals(messageId)) {
                it.remove();
                if (duplicates > 0) {
                    // at-least-once: another copy of the message was still on a server and is delivered again
                    duplicates--;
                    Message copy = new Message(message.id, message.body, message.sent, pace.now());
                    copy.receiveCount = message.receiveCount;
                    messages.add(copy);
                }
                break;
            }
        }
        // deleting a message that is gone already succeeds, as in SQS
        return ok(Map.of());
    }

    /** A receipt handle names the message it was given for (and differs with every receive). */
    private static String receiptHandle(Message message) {
        String raw = message.id + "|" + message.receiveCount + "|" + UUID.randomUUID();
        return "AQEB" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String messageIdOf(String handle) {
        if (!handle.startsWith("AQEB")) {
            return null;
        }
        try {
            String raw = new String(java.util.Base64.getUrlDecoder().decode(handle.substring(4)),
                    StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|");
            return parts.length == 3 ? UUID.fromString(parts[0]).toString() : null;
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private static Answer invalid(String message) {
        return error(400, "InvalidParameterValue", "InvalidParameterValue", message, true);
    }

    private static Answer ok(Object body) {
        return new Answer(200, headers(null), JSON.writeValueAsString(body));
    }

    private static Answer error(int status, String type, String queryCode, String message, boolean sender) {
        return new Answer(status, headers(queryCode + ";" + (sender ? "Sender" : "Receiver")),
                JSON.writeValueAsString(Map.of("__type", "com.amazonaws.sqs#" + type, "message", message)));
    }

    private static Map<String, List<String>> headers(@Nullable String queryError) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of(JSON_10));
        headers.put("x-amzn-RequestId", List.of(UUID.randomUUID().toString()));
        if (queryError != null) {
            headers.put("x-amzn-query-error", List.of(queryError));
        }
        return headers;
    }
}
