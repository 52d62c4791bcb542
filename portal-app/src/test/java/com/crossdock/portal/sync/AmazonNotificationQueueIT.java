package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.AmazonConnectionCommand;
import com.crossdock.portal.channel.AmazonRegion;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ChannelValidationException;
import com.crossdock.portal.channel.amazon.AmazonNotification;
import com.crossdock.portal.channel.sandbox.AmazonSandboxService;
import com.crossdock.portal.channel.sandbox.AmazonSandboxStore.Fault;
import com.crossdock.portal.channel.sandbox.SandboxAddress;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * SP-API notifications the way Amazon delivers them: on an SQS queue, read with the AWS SDK's SQS client. The
 * sandbox's queue speaks SQS's AWS JSON 1.0 protocol over real HTTP (SigV4-signed requests, receipt handles,
 * visibility timeouts, SQS's errors), and the order import keeps each message before it reads it, handles it, and
 * deletes it only then: a failed handling comes back after the visibility timeout, a duplicate delivery is handled
 * once, a garbled body is an exception with the raw body. Two tenants: neither sees the other's queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmazonNotificationQueueIT {

    static final String APPAREL_KEY = "AKIAAPPARELSANDBOX01";
    static final String HOME_KEY = "AKIAHOMESANDBOX00001";
    static final String SECRET = "sandbox/secret/access/key/0123456789abcd";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, AmazonNotificationQueueIT.class);
        registry.add("crossdock.sync.schedule-flows", () -> "false");
        registry.add("crossdock.amazon.notifications.wait-time", () -> "1s");
        registry.add("crossdock.amazon.notifications.visibility-timeout", () -> "3s");
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired AmazonSandboxService sandbox;
    @Autowired SandboxAddress addresses;
    @Autowired Flows flows;

    final JdbcClient superuser = TestDatabases.superuser(AmazonNotificationQueueIT.class);
    TenantId apparel;
    TenantId home;
    UUID apparelAccount;
    UUID homeAccount;

    @BeforeAll
    void twoTenantsWithSandboxAccountsAndTheirOwnAccessKeys() {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            for (int i = 0; i < 3; i++) {
                catalog.save(apparel, null, new ItemCommand("TEE-" + i, "Tee " + i, ItemStatus.ACTIVE, false, false,
                        false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.AMAZON_MSKU, "AMZ-TEE-" + i))), 0);
            }
            apparelAccount = channels.connectAmazon(apparel, command("A1APPARELSELL1", APPAREL_KEY)).id();
            homeAccount = channels.connectAmazon(home, command("A1HOMESELLER01", HOME_KEY)).id();
            return null;
        });
    }

    @Test
    void theAwsSdkReceivesHidesRedeliversAndDeletesMessagesOfTheSandboxQueue() {
        try (SqsClient sqs = client(apparel, apparelAccount, APPAREL_KEY);
                SqsClient stranger = client(apparel, apparelAccount, HOME_KEY);
                SqsClient homeSqs = client(home, homeAccount, HOME_KEY)) {
            String queueUrl = sqs.getQueueUrl(request -> request.queueName("sp-api-notifications")).queueUrl();
            assertThat(queueUrl).isEqualTo(addresses.amazonQueueUrl(apparel, apparelAccount));
            assertThat(sqs.receiveMessage(request -> request.queueUrl(queueUrl)).messages()).isEmpty();
            asSystem(() -> {
                sandbox.changeMfnQuantity(apparel, apparelAccount, "AMZ-TEE-1", 7);
                sandbox.inject(apparel, apparelAccount, Fault.QUEUE_ERROR, 1);
                return null;
            });

            // the 500 is retried by the SDK itself; the message's MD5 is checked by the SDK too
            Message first = receive(sqs, queueUrl, 2);
            assertThat(AmazonNotification.parse(first.body().getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(AmazonNotification.MfnQuantityChange.class,
                            change -> assertThat(change.quantity()).isEqualTo(7));
            assertThat(first.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
            assertThat(sqs.receiveMessage(request -> request.queueUrl(queueUrl)).messages())
                    .as("hidden while its visibility timeout lasts").isEmpty();
            Message again = await().atMost(Duration.ofSeconds(15)).until(() -> sqs.receiveMessage(request -> request
                    .queueUrl(queueUrl).waitTimeSeconds(1).messageSystemAttributeNames(
                            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages(), m -> !m.isEmpty())
                    .getFirst();
            assertThat(again.messageId()).isEqualTo(first.messageId());
            assertThat(again.receiptHandle()).isNotEqualTo(first.receiptHandle());
            assertThat(again.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");

            assertThat(homeSqs.receiveMessage(request -> request.queueUrl(addresses.amazonQueueUrl(home,
                    homeAccount))).messages()).as("the other tenant's queue").isEmpty();
            assertThatThrownBy(() -> stranger.receiveMessage(request -> request.queueUrl(queueUrl)))
                    .as("another connection's access key").isInstanceOfSatisfying(SqsException.class,
                            refused -> assertThat(refused.statusCode()).isEqualTo(403));
            assertThatThrownBy(() -> sqs.getQueueUrl(request -> request.queueName("someone-elses")))
                    .isInstanceOf(QueueDoesNotExistException.class);
            assertThatThrownBy(() -> sqs.deleteMessage(request -> request.queueUrl(queueUrl)
                    .receiptHandle("not-a-handle"))).isInstanceOf(ReceiptHandleIsInvalidException.class);

            sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(again.receiptHandle()));
            assertThat(asSystem(() -> sandbox.notificationsOnQueue(apparel, apparelAccount))).isZero();
        }
    }

    @Test
    void theOrderImportKeepsHandlesAndDeletesEachNotificationOnceEvenWhenHandlingFailsOrSqsDeliversTwice() {
        List<String> placed = asSystem(() -> sandbox.placeOrders(apparel, apparelAccount, 3, 0));
        assertThat(run(apparel, apparelAccount)).isEqualTo("OK");
        int delivered = asSystem(() -> sandbox.notificationDeliveries(apparel, apparelAccount));
        asSystem(() -> {
            sandbox.inject(apparel, apparelAccount, Fault.DUPLICATE_NOTIFICATION, 1);
            sandbox.requestCancel(apparel, apparelAccount, placed.get(0), "Ordered by mistake.");
            return null;
        });

        assertThat(run(apparel, apparelAccount)).isEqualTo("OK");
        assertThat(status(placed.get(0))).isEqualTo("CANCELED");
        assertThat(asSystem(() -> sandbox.notificationsOnQueue(apparel, apparelAccount)))
                .as("SQS delivers the deleted message once more").isOne();
        assertThat(run(apparel, apparelAccount)).isEqualTo("OK");
        assertThat(asSystem(() -> sandbox.notificationDeliveries(apparel, apparelAccount))).isEqualTo(delivered + 2);
        assertThat(asSystem(() -> sandbox.notificationsOnQueue(apparel, apparelAccount))).isZero();
        assertThat(superuser.sql("""
                SELECT outcome FROM channel_inbox WHERE tenant_id = :t AND topic = 'amazon/notification'""")
                .param("t", apparel.value()).query(String.class).list()).as("kept and handled once")
                .containsExactly("APPLIED");
        assertThat(cancels(placed.get(0))).isOne();

        // Amazon does not answer the order the notification names: the message stays on the queue, comes back after
        // its visibility timeout, and is handled then
        asSystem(() -> {
            sandbox.requestCancel(apparel, apparelAccount, placed.get(1), "Found it cheaper.");
            sandbox.inject(apparel, apparelAccount, Fault.SERVER_ERROR, 4);
            return null;
        });
        assertThat(run(apparel, apparelAccount)).isEqualTo("FAILED");
        assertThat(status(placed.get(1))).isEqualTo("RELEASED");
        assertThat(asSystem(() -> sandbox.notificationsOnQueue(apparel, apparelAccount))).isOne();
        assertThat(superuser.sql("""
                SELECT count(*) FROM channel_inbox
                WHERE tenant_id = :t AND topic = 'amazon/notification' AND processed_at IS NULL""")
                .param("t", apparel.value()).query(Long.class).single()).as("kept before it was read").isOne();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            run(apparel, apparelAccount);
            return status(placed.get(1)).equals("CANCELED");
        });
        assertThat(asSystem(() -> sandbox.notificationsOnQueue(apparel, apparelAccount))).isZero();
        assertThat(cancels(placed.get(1))).isOne();
        assertThat(superuser.sql("""
                SELECT count(*) FROM channel_inbox WHERE tenant_id = :t AND topic = 'amazon/notification'
                AND (processed_at IS NULL OR outcome <> 'APPLIED')""").param("t", apparel.value()).query(Long.class)
                .single()).isZero();

        // a body that is not a notification: an exception keeping the raw body, then off the queue
        asSystem(() -> {
            sandbox.inject(apparel, apparelAccount, Fault.GARBLED_NOTIFICATION, 1);
            return null;
        });
        assertThat(run(apparel, apparelAccount)).isEqualTo("OK");
        assertThat(asSystem(() -> sandbox.notificationsOnQueue(apparel, apparelAccount))).isZero();
        assertThat(superuser.sql("""
                SELECT e.reason_code || ' ' || e.raw_payload FROM integration_exception e
                JOIN channel_inbox i ON e.fingerprint = e.reason_code || ':notification:' || i.id
                WHERE e.tenant_id = :t AND i.topic = 'amazon/notification' AND i.outcome = 'EXCEPTION'""")
                .param("t", apparel.value()).query(String.class).single())
                .isEqualTo("MALFORMED_JSON {\"NotificationType\":\"ORDER_CHANGE\",\"Payload\":{\"OrderChangeNotification\":");

        assertThat(run(home, homeAccount)).isEqualTo("OK");
        assertThat(superuser.sql("SELECT count(*) FROM channel_inbox WHERE tenant_id = :t")
                .param("t", home.value()).query(Long.class).single()).as("the other tenant read nothing").isZero();
        assertThat(superuser.sql("SELECT count(*) FROM integration_exception WHERE tenant_id = :t")
                .param("t", home.value()).query(Long.class).single()).isZero();
    }

    @Test
    void testingTheConnectionReachesTheOrdersAndLooksTheQueueUpWithItsAccessKey() {
        var test = asSystem(() -> channels.testConnection(home, homeAccount));
        assertThat(test.ok()).as(test.message()).isTrue();
        assertThat(test.grantedScopes()).containsExactly("Orders", "Notifications");

        asSystem(() -> {
            sandbox.inject(home, homeAccount, Fault.QUEUE_ERROR, 3);
            return null;
        });
        var failing = asSystem(() -> channels.testConnection(home, homeAccount));
        assertThat(failing.ok()).isFalse();
        assertThat(failing.missingScopes()).containsExactly("Notifications");
        assertThat(failing.message()).contains("GetQueueUrl").contains("500").contains("InternalError");
        assertThatThrownBy(() -> asSystem(() -> channels.testConnection(apparel, homeAccount)))
                .as("another tenant's connection").isInstanceOf(RuntimeException.class);
    }

    @Test
    void aSandboxConnectionMadeBeforeItHadAnAccessKeyStillReadsItsQueue() {
        UUID older = asSystem(() -> channels.connectAmazon(home, new AmazonConnectionCommand("Amazon CA",
                "A1HOMEOLDSELL1", List.of("A2EUQ1WTGCTBG2"), AmazonRegion.NA, ChannelMode.SANDBOX, null, null, null))
                .id());
        superuser.sql("""
                UPDATE amazon_connection SET aws_access_key_id = NULL, aws_secret_access_key = NULL
                WHERE connection_id = :c""").param("c", older).update();
        asSystem(() -> {
            sandbox.changeMfnQuantity(home, older, "AMZ-MUG", 4);
            return null;
        });

        assertThat(run(home, older)).isEqualTo("OK");

        assertThat(asSystem(() -> sandbox.notificationsOnQueue(home, older))).isZero();
        assertThat(superuser.sql("""
                SELECT outcome FROM channel_inbox WHERE connection_id = :c AND topic = 'amazon/notification'""")
                .param("c", older).query(String.class).list()).containsExactly("APPLIED");
    }

    @Test
    void aLiveConnectionNeedsItsQueueAndAnAccessKeyAndSealsTheKey() {
        assertThatThrownBy(() -> asSystem(() -> channels.connectAmazon(home, new AmazonConnectionCommand("Live",
                "A1HOMELIVE001", List.of("ATVPDKIKX0DER"), AmazonRegion.NA, ChannelMode.LIVE,
                "amzn1.application-oa2-client.abc", "secret", "Atzr|refresh",
                "https://sqs.us-east-1.amazonaws.com/123/notifications", "eu-west-1", "AKIA123", "short"))))
                .isInstanceOfSatisfying(ChannelValidationException.class, e -> assertThat(e.fieldErrors().keySet())
                        .containsExactlyInAnyOrder("sqsQueueUrl", "awsAccessKeyId", "awsSecretAccessKey"));
        assertThatThrownBy(() -> asSystem(() -> channels.connectAmazon(home, live("eu-west-1"))))
                .isInstanceOfSatisfying(ChannelValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("awsRegion").extractingByKey("awsRegion").asString().contains("us-east-1"));

        UUID live = asSystem(() -> channels.connectAmazon(home, live(""))).id();

        assertThat(superuser.sql("""
                SELECT sqs_queue_url || ' ' || aws_region FROM amazon_connection WHERE connection_id = :c""")
                .param("c", live).query(String.class).single())
                .isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/crossdock-notifications us-east-1");
        assertThat(superuser.sql("""
                SELECT aws_access_key_id || aws_secret_access_key FROM amazon_connection WHERE connection_id = :c""")
                .param("c", live).query(byte[].class).single()).asString(StandardCharsets.ISO_8859_1)
                .as("sealed, not stored as text").doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("wJalrXUtnFEMI");
        assertThat(superuser.sql("SELECT tenant_id FROM amazon_connection WHERE connection_id = :c")
                .param("c", live).query(UUID.class).single()).isEqualTo(home.value());
    }

    private static AmazonConnectionCommand live(String awsRegion) {
        return new AmazonConnectionCommand("Amazon live", "A1HOMELIVE001", List.of("ATVPDKIKX0DER"), AmazonRegion.NA,
                ChannelMode.LIVE, "amzn1.application-oa2-client.abc", "secret", "Atzr|refresh",
                " https://sqs.us-east-1.amazonaws.com/123456789012/crossdock-notifications ", awsRegion,
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    private SqsClient client(TenantId tenant, UUID connection, String accessKeyId) {
        return SqsClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId,
                        SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(addresses.amazonSqsEndpoint(tenant, connection)).build();
    }

    private static Message receive(SqsClient sqs, String queueUrl, int visibilitySeconds) {
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(5).visibilityTimeout(visibilitySeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private String run(TenantId tenant, UUID connection) {
        UUID id = flows.run(tenant, connection, Flow.ORDER_IMPORT, new Flows.Firing(Instant.now(), "test", false))
                .orElseThrow();
        return superuser.sql("SELECT outcome FROM flow_run WHERE id = :id").param("id", id).query(String.class)
                .single();
    }

    private String status(String amazonOrderId) {
        return superuser.sql("SELECT status FROM sales_order WHERE tenant_id = :t AND channel_order_id = :o")
                .param("t", apparel.value()).param("o", amazonOrderId).query(String.class).single();
    }

    private long cancels(String amazonOrderId) {
        return superuser.sql("""
                SELECT count(*) FROM wms_outbox w JOIN sales_order o ON o.id = w.order_id
                WHERE w.tenant_id = :t AND w.kind = 'CANCEL' AND o.channel_order_id = :o""")
                .param("t", apparel.value()).param("o", amazonOrderId).query(Long.class).single();
    }

    private static AmazonConnectionCommand command(String seller, String accessKeyId) {
        return new AmazonConnectionCommand("Amazon US", seller, List.of("ATVPDKIKX0DER"), AmazonRegion.NA,
                ChannelMode.SANDBOX, null, null, null, null, null, accessKeyId, SECRET);
    }

    private static <T> T asSystem(Supplier<T> action) {
        return SystemActor.call("test", action::get);
    }
}
