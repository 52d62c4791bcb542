package com.crossdock.portal.channel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.channel.amazon.FakePace;
import com.crossdock.portal.channel.amazon.SpApiTransport.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox queue's side of SQS's AWS JSON 1.0 protocol, without HTTP: the shapes of answers and errors, the
 * access key of the SigV4 header, visibility timeouts on a clock the test moves. (The AWS SDK itself talks to it over
 * HTTP in AmazonNotificationQueueIT.)
 */
class SandboxSqsQueueTest {

    static final String BASE = "http://127.0.0.1:8080/sandbox/amazon/t/c/sqs";
    static final String QUEUE_URL = BASE + "/000000000042/sp-api-notifications";
    static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIASANDBOXKEY000001/20261127/us-east-1/sqs/"
            + "aws4_request, SignedHeaders=amz-sdk-invocation-id;host;x-amz-date;x-amz-target, Signature="
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final FakePace pace = new FakePace(Instant.parse("2026-11-27T12:00:00Z"));
    final SandboxSqsQueue queue = new SandboxSqsQueue("sp-api-notifications", "000000000042", "AKIASANDBOXKEY000001",
            pace, this);

    @Test
    void anEmptyReceiveIsAnEmptyObjectAndAMessageComesWithItsMd5AndAReceiptHandle() {
        assertThat(call("ReceiveMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\"}").body()).isEqualTo("{}");
        synchronized (this) {
            queue.send("{\"NotificationType\":\"ORDER_CHANGE\"}");
        }
        Answer answer = call("ReceiveMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MaxNumberOfMessages\":10,"
                + "\"VisibilityTimeout\":30,\"MessageSystemAttributeNames\":[\"ApproximateReceiveCount\"]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("content-type")).contains("application/x-amz-json-1.0");
        JsonNode message = JSON.readTree(answer.body()).path("Messages").get(0);
        assertThat(message.path("Body").asString()).isEqualTo("{\"NotificationType\":\"ORDER_CHANGE\"}");
        assertThat(message.path("MD5OfBody").asString()).isEqualTo(SandboxSqsQueue.md5(message.path("Body").asString()))
                .hasSize(32);
        assertThat(message.path("ReceiptHandle").asString()).startsWith("AQEB");
        assertThat(message.path("Attributes").path("ApproximateReceiveCount").asString()).isEqualTo("1");
        assertThat(message.path("Attributes").has("SentTimestamp")).as("only what was asked for").isFalse();
    }

    @Test
    void aMessageNotDeletedComesBackAfterItsVisibilityTimeoutWithANewHandleAndADeletedOneDoesNot() {
        synchronized (this) {
            queue.send("one");
        }
        String receive = "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"VisibilityTimeout\":60}";
        JsonNode first = JSON.readTree(call("ReceiveMessage", receive).body()).path("Messages").get(0);
        assertThat(call("ReceiveMessage", receive).body()).isEqualTo("{}");

        pace.advance(Duration.ofSeconds(61));
        JsonNode again = JSON.readTree(call("ReceiveMessage", receive).body()).path("Messages").get(0);
        assertThat(again.path("MessageId")).isEqualTo(first.path("MessageId"));
        assertThat(again.path("ReceiptHandle")).isNotEqualTo(first.path("ReceiptHandle"));

        assertThat(call("DeleteMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"ReceiptHandle\":\""
                + again.path("ReceiptHandle").asString() + "\"}").status()).isEqualTo(200);
        pace.advance(Duration.ofSeconds(61));
        assertThat(call("ReceiveMessage", receive).body()).isEqualTo("{}");
        assertThat(queue.depth()).isZero();
        assertThat(queue.deliveries()).isEqualTo(2);
    }

    @Test
    void errorsAreSqsErrorsWithTheirQueryErrorCodes() {
        Answer unknownHandle = call("DeleteMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"ReceiptHandle\":\"x\"}");
        assertThat(unknownHandle.status()).isEqualTo(400);
        assertThat(JSON.readTree(unknownHandle.body()).path("__type").asString())
                .isEqualTo("com.amazonaws.sqs#ReceiptHandleIsInvalid");
        assertThat(unknownHandle.header("x-amzn-query-error")).contains("ReceiptHandleIsInvalid;Sender");

        Answer otherQueue = call("ReceiveMessage", "{\"QueueUrl\":\"" + BASE + "/000000000042/other\"}");
        assertThat(otherQueue.header("x-amzn-query-error")).contains("AWS.SimpleQueueService.NonExistentQueue;Sender");
        assertThat(call("ReceiveMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\",\"MaxNumberOfMessages\":11}")
                .header("x-amzn-query-error")).contains("InvalidParameterValue;Sender");
        assertThat(call("PurgeQueue", "{}").header("x-amzn-query-error")).contains("UnknownOperationException;Sender");

        synchronized (this) {
            assertThat(queue.call("AmazonSQS.ReceiveMessage", null, "{}", BASE).status()).isEqualTo(400);
            assertThat(queue.call("AmazonSQS.ReceiveMessage", SIGNED.replace("AKIASANDBOXKEY000001",
                    "AKIAOTHERCONNECTION1"), "{}", BASE).status()).as("another connection's key").isEqualTo(403);
            queue.failNext(1);
        }
        Answer failed = call("ReceiveMessage", "{\"QueueUrl\":\"" + QUEUE_URL + "\"}");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.header("x-amzn-query-error")).contains("InternalError;Receiver");
        assertThat(call("GetQueueUrl", "{\"QueueName\":\"sp-api-notifications\"}").body())
                .isEqualTo("{\"QueueUrl\":\"" + QUEUE_URL + "\"}");
    }

    private Answer call(String operation, String body) {
        synchronized (this) {
            return queue.call("AmazonSQS." + operation, SIGNED, body, BASE);
        }
    }
}
