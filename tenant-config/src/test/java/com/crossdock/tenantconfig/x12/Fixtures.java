package com.crossdock.tenantconfig.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The X12 fixtures, copied byte for byte from shared/fixtures/x12 (see SOURCES.md there) into the test resources. */
final class Fixtures {

    static final List<String> ALL = List.of("214-unicode-ellipsis-segment-terminator.edi",
            "846-sanmina-star-terminator-MALFORMED.edi", "846-sanmina-tilde-element-brace-terminator.edi",
            "856-4060-tilde-newline-two-items.edi", "856-crossdock-pick-pack-sscc-newline.edi",
            "856-pipe-component-separator-sk-vn-items.edi",
            "856-tilde-element-star-terminator-backtick-component.edi",
            "940-babelway-sample-4010-backslash-component.edi", "940-gmi-cancel-delete-4010-ISA16-MISSING.edi",
            "940-multi-isa-multi-gs-multi-st-newline.edi", "940-newline-terminated-ups-ground.edi",
            "940-simplot-4010-bom-indented.edi", "945-inter-american-products-5010-bom-indented.edi",
            "945-simplot-transaction-only-no-envelope.edi", "997-5010-reject-837-syntax-errors.edi",
            "envelope-nonascii-O-umlaut-segment-terminator.edi");

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/x12/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
