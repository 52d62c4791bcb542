package com.crossdock.portal.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.sync.ManualOrderCommand;
import org.junit.jupiter.api.Test;

/** The transfer dialog's "SKU, units" lines. */
class FbaTransferDialogTest {

    @Test
    void eachLineIsASkuAndItsUnitsAndABadOneKeepsItsSkuWithNoUnitsForTheCheckToName() {
        assertThat(FbaTransferDialog.parse("TEE-RED-M, 24\n\n  MUG ,6\r\nHAT\nCAP, many"))
                .containsExactly(new ManualOrderCommand.Line("TEE-RED-M", 24), new ManualOrderCommand.Line("MUG", 6),
                        new ManualOrderCommand.Line("HAT", 0), new ManualOrderCommand.Line("CAP", 0));
    }
}
