package com.crossdock.portal.channel.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The listings feed, the Feeds API answers, the processing report and confirmShipment against Amazon's fixtures. */
class AmazonFeedsTest {

    final AmazonFeeds feeds = new AmazonFeeds();

    @Test
    void theListingsFeedExampleParsesWithTheQuantityEachMessageSets() {
        List<AmazonFeeds.Message> messages = feeds.parseListingsFeed(
                AmazonFixtures.bytes("listings-feed-v2-inventory-example.json"));

        assertThat(messages).extracting(AmazonFeeds.Message::sku, AmazonFeeds.Message::operationType,
                AmazonFeeds.Message::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("My-SKU-A", "DELETE", null),
                org.assertj.core.groups.Tuple.tuple("My-SKU-B", "PARTIAL_UPDATE", 10),
                org.assertj.core.groups.Tuple.tuple("My-SKU-C", "UPDATE", null),
                org.assertj.core.groups.Tuple.tuple("My-SKU-D", "PATCH", 10),
                org.assertj.core.groups.Tuple.tuple("My-SKU-E", "PATCH", 10));
    }

    @Test
    void ourInventoryFeedHasTheExamplesPatchShapeAndReadsBack() {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        quantities.put("AMZ-TEE-0", 12);
        quantities.put("AMZ-TEE-1", 0);
        String feed = feeds.inventoryFeed("A1SELLER", quantities);

        JsonNode example = AmazonOrderParser.MAPPER.readTree(AmazonFixtures.bytes(
                "listings-feed-v2-inventory-example.json")).path("messages").get(3);
        JsonNode ours = AmazonOrderParser.MAPPER.readTree(feed).path("messages").get(0);
        assertThat(ours.path("patches").get(0).path("path")).isEqualTo(example.path("patches").get(0).path("path"));
        assertThat(ours.path("patches").get(0).path("op")).isEqualTo(example.path("patches").get(0).path("op"));
        assertThat(feeds.parseListingsFeed(feed.getBytes(StandardCharsets.UTF_8)))
                .extracting(AmazonFeeds.Message::sku, AmazonFeeds.Message::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AMZ-TEE-0", 12),
                        org.assertj.core.groups.Tuple.tuple("AMZ-TEE-1", 0));
    }

    @Test
    void theProcessingReportBecomesPerSkuIssuesWithTheirJson() {
        AmazonFeeds.ProcessingReport report = feeds.parseProcessingReport(
                AmazonFixtures.bytes("listings-feed-v2-processing-report-example.json"));

        assertThat(report.processed()).isEqualTo(4);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.invalid()).isEqualTo(2);
        assertThat(report.rejectedSkus()).containsExactly("My-SKU-B", "My-SKU-C");
        assertThat(report.issuesBySku().get("My-SKU-B")).hasSize(2).allSatisfy(issue -> {
            assertThat(issue.code()).isEqualTo("90220");
            assertThat(issue.error()).isTrue();
        });
        assertThat(report.issuesBySku().get("My-SKU-C")).singleElement()
                .satisfies(issue -> assertThat(issue.attributeNames()).containsExactly("purchasable_offer.our_price"));
        assertThat(report.rawIssuesBySku().get("My-SKU-B")).startsWith("[").contains("batteries_required")
                .doesNotContain("My-SKU-C");
        assertThat(report.feedIssues()).isEmpty();
    }

    @Test
    void theInvalidListingsItemAnswerBecomesTheSkusIssues() {
        AmazonFeeds.ListingsItemResult result = feeds.parseListingsItemResponse(
                AmazonFixtures.bytes("listings-items-2021-08-01-patch-response-invalid.json"));

        assertThat(result.accepted()).isFalse();
        assertThat(result.sku()).isEqualTo("VALIDATION_INVALID");
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.sku()).isEqualTo("VALIDATION_INVALID");
            assertThat(issue.code()).isEqualTo("90000900");
            assertThat(issue.error()).isTrue();
            assertThat(issue.attributeNames()).containsExactly("fake_attribute");
        });
    }

    @Test
    void theCreateFeedRequestFixtureHasTheFieldsOurRequestSends() {
        JsonNode request = AmazonOrderParser.MAPPER.readTree(AmazonFixtures.bytes(
                "feeds-2021-06-30-createFeed-request.json"));
        assertThat(request.path("feedType").asString()).isNotBlank();
        assertThat(request.path("marketplaceIds").isArray()).isTrue();
        assertThat(request.path("inputFeedDocumentId").asString()).isEqualTo("3d4e42b5-1d6e-44e8-a89c-2abfca0625bb");
    }

    @Test
    void aReportThatIsNotOneNamesThePath() {
        assertThatThrownBy(() -> feeds.parseProcessingReport("{\"header\":{},\"issues\":[]}".getBytes(
                StandardCharsets.UTF_8))).isInstanceOfSatisfying(AmazonPayloadException.class,
                e -> assertThat(e.path()).isEqualTo("$.summary"));
        assertThatThrownBy(() -> feeds.parseListingsFeed(("{\"header\":{},\"messages\":[{\"messageId\":1,\"sku\":\"A\","
                + "\"operationType\":\"PATCH\",\"patches\":[{\"op\":\"replace\",\"path\":"
                + "\"/attributes/fulfillment_availability\",\"value\":[{\"fulfillment_channel_code\":\"DEFAULT\","
                + "\"quantity\":-1}]}]}]}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AmazonPayloadException.class,
                        e -> assertThat(e.path()).isEqualTo("$.messages[0].patches[0].value[0].quantity"));
    }

    @Test
    void ourShipmentConfirmationHasTheFixturesShape() {
        JsonNode fixture = AmazonOrderParser.MAPPER.readTree(AmazonFixtures.bytes(
                "orders-v0-confirmShipment-request.json"));
        String ours = new ShipmentConfirmation("ATVPDKIKX0DER", "1", "fedex", "FedEx Ground", "112345678",
                Instant.parse("2022-02-11T01:00:00Z"), List.of(new ShipmentConfirmation.Item("79039765272157", 1)))
                .toJson();
        JsonNode mine = AmazonOrderParser.MAPPER.readTree(ours);

        for (String field : List.of("packageReferenceId", "carrierCode", "trackingNumber", "shipDate",
                "shippingMethod")) {
            assertThat(mine.path("packageDetail").path(field)).as(field)
                    .isEqualTo(fixture.path("packageDetail").path(field));
        }
        assertThat(mine.path("packageDetail").path("orderItems").get(0).path("orderItemId"))
                .isEqualTo(fixture.path("packageDetail").path("orderItems").get(0).path("orderItemId"));
        assertThat(new ShipmentConfirmation("ATVPDKIKX0DER", "2", "Acme Freight", null, "X1", Instant.EPOCH,
                List.of(new ShipmentConfirmation.Item("1", 1))).carrierCode()).isEqualTo("Other");
        assertThatThrownBy(() -> new ShipmentConfirmation("ATVPDKIKX0DER", "SBX-1", "UPS", null, "1Z", Instant.EPOCH,
                List.of(new ShipmentConfirmation.Item("1", 1)))).isInstanceOf(IllegalArgumentException.class);
    }
}
