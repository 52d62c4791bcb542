package com.crossdock.tenantconfig.prep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrepAttributesTest {

    @Test
    void theEnumerationsAreExactlyAmazonsPublishedOnes() throws IOException {
        List<String[]> rows = Files.readAllLines(Path.of(System.getProperty("crossdock.fixtures",
                        "../../shared/fixtures")).resolve("amazon-sp-api/fba-prep-enums.csv")).stream().skip(1)
                .map(line -> line.split(",", 4))
                .filter(cols -> cols[0].equals("fulfillmentInbound_2024-03-20"))
                .toList();
        assertThat(names(PrepCategory.values())).isEqualTo(valuesOf(rows, "PrepCategory"));
        assertThat(names(PrepType.values())).isEqualTo(valuesOf(rows, "PrepType"));
        assertThat(names(PrepOwner.values())).isEqualTo(valuesOf(rows, "PrepOwner")).isEqualTo(valuesOf(rows, "LabelOwner"));
    }

    @Test
    void valuesOnlyAmazonSendsAreRefusedAsInput() {
        var attributes = new PrepAttributes(PrepCategory.FC_PROVIDED, Set.of(), PrepOwner.SELLER, PrepOwner.SELLER);
        assertThat(attributes.problems()).containsExactly(
                "Prep category FC_PROVIDED only comes from Amazon; choose the item's real category");
        assertThat(PrepCategory.UNKNOWN.acceptedAsInput()).isFalse();
        assertThat(PrepCategory.TEXTILE.acceptedAsInput()).isTrue();
    }

    @Test
    void contradictionsAreNamed() {
        var attributes = new PrepAttributes(PrepCategory.NONE,
                Set.of(PrepType.ITEM_NO_PREP, PrepType.ITEM_LABELING), PrepOwner.NONE, PrepOwner.NONE);
        assertThat(attributes.problems()).containsExactlyInAnyOrder(
                "ITEM_NO_PREP cannot be combined with other prep types",
                "Prep category NONE means no prep, but prep types are listed",
                "Prep types are listed, so someone must own the prep (not NONE)",
                "ITEM_LABELING needs a label owner (not NONE)");
    }

    @Test
    void anFbaBoundSkuNeedsCategoryAndOwners() {
        assertThat(PrepAttributes.none().missingForFba()).containsExactly("prep category", "label owner",
                "prep owner");
        var textile = new PrepAttributes(PrepCategory.TEXTILE, Set.of(PrepType.ITEM_POLYBAGGING, PrepType.ITEM_LABELING),
                PrepOwner.SELLER, PrepOwner.SELLER);
        assertThat(textile.missingForFba()).isEmpty();
        assertThat(textile.problems()).isEmpty();
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<String> valuesOf(List<String[]> rows, String enumName) {
        return rows.stream().filter(cols -> cols[1].equals(enumName)).map(cols -> cols[2]).collect(Collectors.toSet());
    }
}
