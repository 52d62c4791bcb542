package com.crossdock.portal.channel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.channel.AmazonConnectionCommand;
import com.crossdock.portal.channel.AmazonRegion;
import com.crossdock.portal.channel.ChannelMode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AmazonConnectionFormTest {

    private final AmazonConnectionForm form = new AmazonConnectionForm();

    @SuppressWarnings("unchecked")
    private <T extends Component> T byId(String id) {
        return (T) descendants(form).filter(component -> component.getId().filter(id::equals).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component component) {
        return Stream.concat(Stream.of(component), component.getChildren().flatMap(AmazonConnectionFormTest::descendants));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sandboxDefaultsAndWhatWasEnteredReachTheCommand() {
        AtomicReference<AmazonConnectionCommand> saved = new AtomicReference<>();
        form.addSaveListener(save -> saved.set(save.command()));
        ((HasValue<?, String>) byId("amazon-name")).setValue("Amazon US");
        ((HasValue<?, String>) byId("amazon-seller")).setValue("A2EXAMPLE1SELLER");
        ((Button) byId("amazon-save")).click();

        assertThat(saved.get()).isEqualTo(new AmazonConnectionCommand("Amazon US", "A2EXAMPLE1SELLER",
                List.of("ATVPDKIKX0DER"), AmazonRegion.NA, ChannelMode.SANDBOX, "", "", "", "", "", "", ""));
    }

    @Test
    void theServicesFieldErrorsShowOnTheirFieldsAndClearWhenFixed() {
        form.showErrors(Map.of("sellerId", "Enter the seller id", "refreshToken", "Paste the refresh token"));
        HasValidation seller = byId("amazon-seller");
        HasValidation refresh = byId("amazon-refresh-token");
        HasValidation name = byId("amazon-name");
        assertThat(seller.isInvalid()).isTrue();
        assertThat(seller.getErrorMessage()).isEqualTo("Enter the seller id");
        assertThat(refresh.isInvalid()).isTrue();
        assertThat(name.isInvalid()).isFalse();

        form.showErrors(Map.of("name", "Name the connection"));
        assertThat(seller.isInvalid()).isFalse();
        assertThat(name.isInvalid()).isTrue();
    }
}
