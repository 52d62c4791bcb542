package com.crossdock.portal.channel.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.tenantconfig.prep.PrepCategory;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fulfillment Inbound prep details (2024-03-20 and the legacy v0 instructions) against Amazon's fixtures. */
class AmazonPrepDetailsTest {

    final AmazonPrepDetails prep = new AmazonPrepDetails();

    @Test
    void listPrepDetailsReadsCategoryTypesAndOwnerConstraintsPerSellerSku() {
        List<AmazonPrepDetails.Msku> details = prep.parseList(
                AmazonFixtures.bytes("fba-inbound-2024-03-20-listPrepDetails-response.json"));

        assertThat(details).hasSize(2);
        assertThat(details.getFirst()).satisfies(first -> {
            assertThat(first.msku()).isEqualTo("msku1");
            assertThat(first.prepCategory()).isEqualTo("TEXTILE");
            assertThat(first.prepTypes()).containsExactlyInAnyOrder("ITEM_LABELING", "ITEM_POLYBAGGING");
            assertThat(first.prepOwnerConstraint()).isEqualTo("AMAZON_ONLY");
            assertThat(AmazonPrepDetails.Msku.allows(first.prepOwnerConstraint(), "SELLER")).isFalse();
            assertThat(AmazonPrepDetails.Msku.allows(first.prepOwnerConstraint(), "AMAZON")).isTrue();
        });
        assertThat(details.get(1).prepOwnerConstraint()).isNull();
        assertThat(AmazonPrepDetails.Msku.allows(null, null)).as("no constraint, anyone").isTrue();
    }

    @Test
    void ourSetPrepDetailsRequestMatchesTheFixtureAndReadsBack() {
        AmazonPrepDetails.SetRequest fixture = prep.parseSetRequest(
                AmazonFixtures.bytes("fba-inbound-2024-03-20-setPrepDetails-request.json"));
        String ours = prep.setRequest(fixture.marketplaceId(), fixture.details());

        assertThat(AmazonOrderParser.MAPPER.readTree(ours)).isEqualTo(AmazonOrderParser.MAPPER.readTree(
                AmazonFixtures.bytes("fba-inbound-2024-03-20-setPrepDetails-request.json")));
        assertThatThrownBy(() -> prep.parseSetRequest("{\"marketplaceId\":\"X\",\"mskuPrepDetails\":[{\"msku\":\"a\"}]}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(AmazonPayloadException.class,
                e -> assertThat(e.path()).isEqualTo("$.mskuPrepDetails[0].prepCategory"));
    }

    @Test
    void theLegacyPrepInstructionsNameTheUnknownSkus() {
        AmazonPrepDetails.LegacyInstructions legacy = prep.parseLegacyInstructions(
                AmazonFixtures.bytes("fba-inbound-v0-getPrepInstructions-response.json"));

        assertThat(legacy.instructionsBySku()).containsEntry("SellerSKU", List.of("Polybagging"));
        assertThat(legacy.barcodeBySku()).containsEntry("SellerSKU", "RequiresFNSKULabel");
        assertThat(legacy.invalidSkus()).containsEntry("SellerSKU", "DoesNotExist");
    }

    @Test
    void theCatalogsPrepCodesAreAmazons() {
        List<String[]> rows = AmazonFixtures.text("fba-prep-enums.csv").lines().skip(1)
                .map(line -> line.split(",", 4)).filter(row -> row[0].equals("fulfillmentInbound_2024-03-20"))
                .toList();
        assertThat(codes(rows, "PrepCategory")).isEqualTo(names(PrepCategory.values()));
        assertThat(codes(rows, "PrepType")).isEqualTo(names(PrepType.values()));
        assertThat(codes(rows, "PrepOwner")).isEqualTo(names(PrepOwner.values()));
        assertThat(codes(rows, "OwnerConstraint")).allSatisfy(code -> assertThat(code).endsWith("_ONLY"));
    }

    private static Set<String> codes(List<String[]> rows, String enumName) {
        return rows.stream().filter(row -> row[1].equals(enumName)).map(row -> row[2])
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
