package com.crossdock.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActuatorAccessTest {

    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "127.0.1.1, true", "::1, true", "10.0.0.5, false", "192.168.1.20, false",
        "203.0.113.9, false"})
    void onlyCallersOnThisMachineReachActuatorWithoutSigningIn(String address, boolean allowed) {
        assertThat(SecurityConfiguration.FromLoopback.isLoopback(address)).isEqualTo(allowed);
    }
}
