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
 * an {@link SpApiException} (status 0 when SQS did not answer), after the SDK's own retries. Thread-safe.
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
                        .socketTimeout(polling.waitTime().plusSeconds(20)).build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new NotificationQueue(builder.build(), queueUrl, polling);
    }

    /** Waits up to the polling's wait for messages and answers up to ten of them, hidden for the visibility timeout. */
    public List<Message> receive() {
        try {
            return sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
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

    /** The queue's address. */
    public String queueUrl() {
        return queueUrl;
    }

    @Override
    public void close() {
        sqs.close();
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
            String code = refused.awsErrorDetails() == null ? "" : refused.awsErrorDetails().errorCode() + ": ";
            return new SpApiException("SQS " + operation + " on " + queueUrl + " answered " + refused.statusCode()
                    + ": " + code + (refused.awsErrorDetails() == null ? refused.getMessage()
                    : refused.awsErrorDetails().errorMessage()), refused.statusCode());
        }
        return new SpApiException("No answer from SQS " + operation + " on " + queueUrl + ": " + e.getMessage(), e);
    }
}
