package com.crossdock.tenantconfig.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantCodeTest {

    @Test
    void typedCodesAreTrimmedAndUpperCased() {
        assertThat(TenantCode.of("  hpa-2 ").value()).isEqualTo("HPA-2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''      | Enter a code, for example HPA",
        "H       | A code has 2 to 16 characters",
        "ABCDEFGHIJKLMNOPQ | A code has 2 to 16 characters",
        "1HP     | A code starts with a letter",
        "HP_A    | Use only letters A-Z, digits and hyphens",
    })
    void invalidCodesAreExplained(String typed, String message) {
        assertThat(TenantCode.validate(typed)).isEqualTo(message);
        assertThatThrownBy(() -> new TenantCode(typed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValidCodeHasNoProblem() {
        assertThat(TenantCode.validate("oak")).isNull();
    }
}
