package com.crossdock.portal.channel.amazon;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The seller's Amazon SQS queue that SP-API notifications are delivered to, read with the AWS SDK's SQS client:
 * {@code ReceiveMessage} (a long poll for up to ten messages, each hidden from other readers for the visibility
 * timeout) and {@code DeleteMessage} once a message was kept and handled. A message not deleted comes back after
 * its visibility timeout; SQS delivers at least once, so a message may also come twice. A failure of either call is
 * an {@link SpApiException} (status 0 when SQS did not answer, with what to check when SQS refused the key or does
 * not know the queue), after the SDK's own retries ({@value #ATTEMPTS} attempts). Thread-safe.
 */
public final class NotificationQueue implements AutoCloseable {

    /** One delivery of a message: the id stays the same across deliveries, the receipt handle does not. */
    public record Message(String messageId, String receiptHandle, String body, int receiveCount) {
    }

    /** How the queue is read: how long a receive waits for a message, and how long a received one stays hidden. */
    public record Polling(Duration waitTime, Duration visibilityTimeout) {

        public Polling {
            if (waitTime.isNegative() || waitTime.toSeconds() > 20) {
                throw new IllegalArgumentException("SQS waits 0 to 20 seconds for a message, not " + waitTime);
            }
            if (visibilityTimeout.isNegative() || visibilityTimeout.toSeconds() > 43_200) {
                throw new IllegalArgumentException("SQS hides a message 0 seconds to 12 hours, not "
                        + visibilityTimeout);
            }
        }
    }

    /** The most messages one receive answers (SQS's limit). */
    public static final int MAX_MESSAGES = 10;

    /** How often a call is tried before it fails. */
    static final int ATTEMPTS = 3;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Polling polling;

    NotificationQueue(SqsClient sqs, String queueUrl, Polling polling) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.polling = polling;
    }

    /**
     * A queue read with an access key of the seller's (or the 3PL's) IAM user.
     *
     * @param endpoint the SQS endpoint, or {@code null} for the region's own ({@code https://sqs.<region>.amazonaws.com});
     *                 the portal's sandbox gives its own address here
     */
    public static NotificationQueue connect(String queueUrl, String region, String accessKeyId, String secretAccessKey,
            @Nullable URI endpoint, Polling polling) {
        var builder = SqsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId,
                        secretAccessKey)))
                // the JDK's HttpURLConnection: a long poll needs a read timeout longer than the wait
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(polling.waitTime().plusSeconds(20)).build())
                // a throttled, failed or unanswered call is tried three times in all, with the SDK's backoff
                .overrideConfiguration(override -> override.retryStrategy(retry -> retry.maxAttempts(ATTEMPTS)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new NotificationQueue(builder.build(), queueUrl, polling);
    }

    /** Waits up to the polling's wait for messages and answers up to ten of them, hidden for the visibility timeout. */
    public List<Message> receive() {
        try {
            return sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(MAX_MESSAGES)
                            .waitTimeSeconds((int) polling.waitTime().toSeconds())
                            .visibilityTimeout((int) polling.visibilityTimeout().toSeconds())
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages().stream()
                    .map(message -> new Message(message.messageId(), message.receiptHandle(), message.body(),
                            receiveCount(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))))
                    .toList();
        } catch (SdkException e) {
            throw failure("ReceiveMessage", e);
        }
    }

    /** Takes a handled message off the queue for good. */
    public void delete(Message message) {
        try {
            sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        } catch (SdkException e) {
            throw failure("DeleteMessage", e);
        }
    }

    /**
     * Looks the queue up by its name and owner ({@code GetQueueUrl}), as a test that it exists and that the access
     * key may use it.
     */
    public void check() {
        String[] path = URI.create(queueUrl).getPath().replaceAll("^/+|/+$", "").split("/");
        if (path.length < 2) {
            throw new SpApiException("The queue URL " + queueUrl + " names no AWS account and queue", 400);
        }
        try {
            sqs.getQueueUrl(request -> request.queueName(path[path.length - 1])
                    .queueOwnerAWSAccountId(path[path.length - 2]));
        } catch (SdkException e) {
            throw failure("GetQueueUrl", e);
        }
    }

    /** The queue's address. */
    public String queueUrl() {
        return queueUrl;
    }

    @Override
    public void close() {
        sqs.close();
    }

    /** What a person should check for a refusal of SQS's. */
    private static String whatToCheck(int status, String code) {
        if (code.contains("NonExistentQueue") || code.contains("QueueDoesNotExist")) {
            return " (check the queue URL: its region, account and name)";
        }
        if (status == 403 || code.contains("InvalidClientTokenId") || code.contains("SignatureDoesNotMatch")
                || code.contains("AccessDenied") || code.contains("MissingAuthenticationToken")) {
            return " (check the access key id and secret, and that the IAM user may call sqs:ReceiveMessage, "
                    + "sqs:DeleteMessage and sqs:GetQueueUrl on the queue)";
        }
        return "";
    }

    private static int receiveCount(@Nullable String count) {
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException unreadable) {
            return 1;
        }
    }

    private SpApiException failure(String operation, SdkException e) {
        if (e instanceof SqsException refused) {
            String code = refused.awsErrorDetails() == null ? "" : refused.awsErrorDetails().errorCode();
            return new SpApiException("SQS " + operation + " on " + queueUrl + " answered " + refused.statusCode()
                    + ": " + code + " " + (refused.awsErrorDetails() == null ? refused.getMessage()
                    : refused.awsErrorDetails().errorMessage()) + whatToCheck(refused.statusCode(), code),
                    refused.statusCode());
        }
        return new SpApiException("No answer from SQS " + operation + " on " + queueUrl + ": " + e.getMessage(), e);
    }
}
