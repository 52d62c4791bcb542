package com.crossdock.portal.channel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.WalmartConnectionCommand;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WalmartConnectionFormTest {

    private final WalmartConnectionForm form = new WalmartConnectionForm();

    @SuppressWarnings("unchecked")
    private <T extends Component> T byId(String id) {
        return (T) descendants(form).filter(component -> component.getId().filter(id::equals).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component component) {
        return Stream.concat(Stream.of(component), component.getChildren()
                .flatMap(WalmartConnectionFormTest::descendants));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sandboxDefaultsAndWhatWasEnteredReachTheCommand() {
        AtomicReference<WalmartConnectionCommand> saved = new AtomicReference<>();
        form.addSaveListener(save -> saved.set(save.command()));
        ((HasValue<?, String>) byId("walmart-name")).setValue("Walmart US");
        ((HasValue<?, String>) byId("walmart-seller")).setValue("10001234567");
        ((HasValue<?, String>) byId("walmart-ship-nodes")).setValue("721407, 721408");
        ((Button) byId("walmart-save")).click();

        assertThat(saved.get()).isEqualTo(new WalmartConnectionCommand("Walmart US", "10001234567",
                List.of("721407, 721408"), ChannelMode.SANDBOX, "", ""));
    }

    @Test
    void theServicesFieldErrorsShowOnTheirFieldsAndClearWhenFixed() {
        form.showErrors(Map.of("shipNodes", "Enter the ship node", "clientSecret", "Paste the client secret"));
        HasValidation nodes = byId("walmart-ship-nodes");
        HasValidation secret = byId("walmart-client-secret");
        HasValidation name = byId("walmart-name");
        assertThat(nodes.isInvalid()).isTrue();
        assertThat(nodes.getErrorMessage()).isEqualTo("Enter the ship node");
        assertThat(secret.isInvalid()).isTrue();
        assertThat(name.isInvalid()).isFalse();

        form.showErrors(Map.of("name", "Name the connection"));
        assertThat(nodes.isInvalid()).isFalse();
        assertThat(name.isInvalid()).isTrue();
    }
}
