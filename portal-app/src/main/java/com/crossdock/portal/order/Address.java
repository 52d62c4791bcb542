package com.crossdock.portal.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A postal address as a sales channel gave it. Every field may be absent; blank text is stored as absent, so
 * {@code null} is the only way a field is missing.
 *
 * @param name         the recipient
 * @param company      the recipient's company
 * @param address1     street and number
 * @param address2     apartment, suite, floor
 * @param city         city or town
 * @param provinceCode state or province code (ISO 3166-2 subdivision without the country, e.g. {@code KY})
 * @param postalCode   ZIP or postal code
 * @param countryCode  ISO 3166-1 alpha-2 country code
 * @param phone        the recipient's phone number, as typed
 */
public record Address(
        @Nullable String name,
        @Nullable String company,
        @Nullable String address1,
        @Nullable String address2,
        @Nullable String city,
        @Nullable String provinceCode,
        @Nullable String postalCode,
        @Nullable String countryCode,
        @Nullable String phone) {

    /** No address at all: what an order without shipping (pickup, digital goods) carries. */
    public static final Address NONE = new Address(null, null, null, null, null, null, null, null, null);

    // carriers rate and route these countries' parcels on the state or province and the ZIP or postal code
    private static final Set<String> NEEDS_PROVINCE_AND_POSTAL_CODE = Set.of("US", "CA");

    /** The fields of an address that shipping can require. */
    public enum Field { NAME, ADDRESS1, CITY, PROVINCE_CODE, POSTAL_CODE, COUNTRY_CODE }

    public Address {
        name = blankToNull(name);
        company = blankToNull(company);
        address1 = blankToNull(address1);
        address2 = blankToNull(address2);
        city = blankToNull(city);
        provinceCode = blankToNull(provinceCode);
        postalCode = blankToNull(postalCode);
        countryCode = blankToNull(countryCode);
        phone = blankToNull(phone);
    }

    /** Whether the channel gave no address field at all. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The fields a warehouse needs to ship here that are missing, in the order of {@link Field}; empty when the
     * address is complete enough to ship. Name, street, city and country are always needed; the province and
     * postal code only where carriers need them (US, CA).
     */
    public List<Field> missingForShipping() {
        List<Field> missing = new ArrayList<>();
        if (name == null) {
            missing.add(Field.NAME);
        }
        if (address1 == null) {
            missing.add(Field.ADDRESS1);
        }
        if (city == null) {
            missing.add(Field.CITY);
        }
        boolean needsProvinceAndPostalCode =
                countryCode != null && NEEDS_PROVINCE_AND_POSTAL_CODE.contains(countryCode);
        if (needsProvinceAndPostalCode && provinceCode == null) {
            missing.add(Field.PROVINCE_CODE);
        }
        if (needsProvinceAndPostalCode && postalCode == null) {
            missing.add(Field.POSTAL_CODE);
        }
        if (countryCode == null) {
            missing.add(Field.COUNTRY_CODE);
        }
        return List.copyOf(missing);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
