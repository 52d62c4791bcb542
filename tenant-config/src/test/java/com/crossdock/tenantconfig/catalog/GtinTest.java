package com.crossdock.tenantconfig.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GtinTest {

    /** GS1's own check-digit vectors ({@code shared/fixtures/gs1}), GTIN and SSCC rows alike. */
    static Stream<Arguments> gs1Vectors() throws IOException {
        Path csv = Path.of(System.getProperty("crossdock.fixtures", "../../shared/fixtures"))
                .resolve("gs1/gs1-mod10-check-digit-test-vectors.csv");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSizeGreaterThan(10);
        return lines.stream().skip(1).map(line -> line.split(",", -1))
                .map(cols -> Arguments.of(cols[0], cols[2], "valid".equals(cols[3]), cols[4]));
    }

    @ParameterizedTest(name = "{1} \"{0}\" valid={2}")
    @MethodSource("gs1Vectors")
    void agreesWithGs1sCheckDigitVectors(String value, String keyType, boolean valid, String errorCode) {
        if (keyType.startsWith("GTIN")) {
            assertThat(Gtin.problemWith(value) == null).as(errorCode).isEqualTo(valid);
        }
        boolean digitsOnly = !value.isEmpty() && value.chars().allMatch(Character::isDigit);
        if (digitsOnly) {
            int expected = Gtin.checkDigit(value.substring(0, value.length() - 1));
            assertThat(expected == value.charAt(value.length() - 1) - '0').isEqualTo(valid);
        } else {
            assertThat(valid).isFalse();
        }
    }

    @Test
    void aUpcAndTheSameNumberAsEan13AreOneProduct() {
        Gtin upc = Gtin.parse("416000336108");
        Gtin ean = Gtin.parse("0416000336108");
        assertThat(upc).isEqualTo(ean).hasSameHashCodeAs(ean);
        assertThat(upc.gtin14()).isEqualTo("00416000336108");
        assertThat(upc.digits()).isEqualTo("416000336108");
    }

    @Test
    void problemsAreExplainedForAPerson() {
        assertThat(Gtin.problemWith("416000336109")).isEqualTo(
                "The check digit is 9 but should be 8 (mistyped or outdated barcode?)");
        assertThat(Gtin.problemWith("41600033610")).isEqualTo("A GTIN has 8, 12, 13 or 14 digits, not 11");
        assertThat(Gtin.problemWith("4160003361O8")).startsWith("A GTIN has digits only; found 'O' at position 11");
        assertThatThrownBy(() -> Gtin.parse("")).hasMessage("Enter a barcode number");
    }

    @Test
    void shortestFormIsTheNumberPrintedUnderTheBarcode() {
        assertThat(Gtin.parse("00416000336108").shortest().digits()).isEqualTo("416000336108");
        assertThat(Gtin.parse("0012345678905").shortest().digits()).isEqualTo("012345678905");
        assertThat(Gtin.parse("1234567890128").shortest().digits()).isEqualTo("1234567890128");
        assertThat(Gtin.parse("00000002345673").shortest().digits()).isEqualTo("02345673");
        assertThat(Gtin.parse("12345678901231").shortest().digits()).isEqualTo("12345678901231");
        assertThat(Gtin.parse("00416000336108").shortest()).isEqualTo(Gtin.parse("416000336108"));
    }
}
