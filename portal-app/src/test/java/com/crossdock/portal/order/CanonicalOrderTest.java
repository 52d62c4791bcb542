package com.crossdock.portal.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.order.Address.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalOrderTest {

    private static final Address KENTUCKY = new Address("Bob Norman", null, "Chestnut Street 92", "", "Louisville",
            "KY", "40202", "US", "+1(502)-459-2181");
    private static final OrderLine ONE_IPOD = new OrderLine("466157049", "IPOD2008GREEN", "39072856",
            "IPod Nano - 8gb", 1, 1);

    @Test
    void aCompleteUsAddressLacksNothingForShipping() {
        assertThat(KENTUCKY.missingForShipping()).isEmpty();
    }

    @Test
    void aUsAddressWithoutStateAndZipCannotShip() {
        Address noStateNoZip = new Address("Bob Norman", null, "Chestnut Street 92", null, "Louisville", " ", null,
                "US", null);

        assertThat(noStateNoZip.missingForShipping()).containsExactly(Field.PROVINCE_CODE, Field.POSTAL_CODE);
    }

    @Test
    void countriesWhoseCarriersNeedNoProvinceShipWithoutOne() {
        Address hongKong = new Address("Mei Chan", null, "1 Queen's Road", null, "Hong Kong", null, null, "HK", null);

        assertThat(hongKong.missingForShipping()).isEmpty();
    }

    @Test
    void noAddressLacksNameStreetCityAndCountry() {
        assertThat(Address.NONE.isEmpty()).isTrue();
        assertThat(Address.NONE.missingForShipping())
                .containsExactly(Field.NAME, Field.ADDRESS1, Field.CITY, Field.COUNTRY_CODE);
    }

    @Test
    void blankAddressTextCountsAsAbsent() {
        Address blank = new Address("  ", "", "\t", "", " ", "", "", "", "");

        assertThat(blank).isEqualTo(Address.NONE);
        assertThat(KENTUCKY.address2()).isNull();
    }

    @Test
    void anOrderWithoutLinesIsRefused() {
        assertThatThrownBy(() -> order(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one line");
    }

    @Test
    void theLinesOfAnOrderCannotBeChangedAfterwards() {
        List<OrderLine> lines = new ArrayList<>(List.of(ONE_IPOD));
        CanonicalOrder order = order(lines);

        lines.clear();

        assertThat(order.lines()).containsExactly(ONE_IPOD);
        assertThatThrownBy(() -> order.lines().add(ONE_IPOD)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aLineCannotHaveMoreToShipThanWasOrdered() {
        assertThatThrownBy(() -> new OrderLine("1", "SKU", null, "Title", 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void anOrderIsCancelledOnlyOnceItHasACancellationTime() {
        assertThat(order(List.of(ONE_IPOD)).isCancelled()).isFalse();
        CanonicalOrder cancelled = new CanonicalOrder("450789469", "#1001", Instant.parse("2008-01-10T16:00:00Z"),
                Instant.parse("2025-04-02T16:31:11Z"), "USD", null, KENTUCKY, null, null, List.of(ONE_IPOD),
                FinancialStatus.REFUNDED, Instant.parse("2025-04-02T16:31:11Z"), "other");
        assertThat(cancelled.isCancelled()).isTrue();
    }

    private static CanonicalOrder order(List<OrderLine> lines) {
        return new CanonicalOrder("450789469", "#1001", Instant.parse("2008-01-10T16:00:00Z"),
                Instant.parse("2008-01-10T16:00:00Z"), "USD", "bob.norman@mail.example.com", KENTUCKY,
                "Free Shipping", "Free Shipping", lines, FinancialStatus.PAID, null, null);
    }
}
