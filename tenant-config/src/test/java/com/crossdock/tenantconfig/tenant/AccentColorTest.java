package com.crossdock.tenantconfig.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccentColorTest {

    @Test
    void hexColoursAreNormalisedToLowerCase() {
        assertThat(new AccentColor(" #1A73E8 ").hex()).isEqualTo("#1a73e8");
    }

    @Test
    void anEmptyColourMeansNoBrandingAndIsValid() {
        assertThat(AccentColor.validate("")).isNull();
        assertThat(AccentColor.validate(null)).isNull();
    }

    @Test
    void namedOrShortColoursAreRefusedWithAnExample() {
        assertThat(AccentColor.validate("red")).isEqualTo("Use a colour like #1a73e8");
        assertThat(AccentColor.validate("#fff")).isEqualTo("Use a colour like #1a73e8");
        assertThatThrownBy(() -> new AccentColor("blue")).isInstanceOf(IllegalArgumentException.class);
    }
}
