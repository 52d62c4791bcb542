package com.crossdock.tenantconfig.uat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ScenarioFormatTest {

    static final java.util.List<String> KEYS = ScenarioLibrary.KEYS;

    @ParameterizedTest
    @FieldSource("KEYS")
    void every_built_in_template_parses_and_survives_a_round_trip(String key) {
        ScenarioTemplate template = ScenarioLibrary.template(key).orElseThrow();

        assertThat(template.steps()).isNotEmpty();
        assertThat(ScenarioFormat.read(ScenarioFormat.write(template))).isEqualTo(template);
    }

    @Test
    void the_library_has_the_thirteen_cases_of_the_product() {
        assertThat(ScenarioLibrary.templates()).hasSize(13)
                .extracting(ScenarioTemplate::name)
                .contains("Multi-line order", "Split shipment", "FBA prep", "Partial receipt",
                        "Return with inspection hold", "Shipping-method override", "Unknown SKU",
                        "Duplicate webhook delivery", "Virtual bundle explosion", "Cancellation after release",
                        "Missing prep attributes", "Incomplete address", "Inventory drift that would oversell");
        assertThat(ScenarioLibrary.template("virtual-bundle").orElseThrow().itemKinds())
                .containsExactly(ItemKind.VIRTUAL_BUNDLE);
        assertThat(ScenarioLibrary.template("shipping-method-override").orElseThrow().needsShipMethodMapping())
                .isTrue();
    }

    @Test
    void a_line_naming_an_undeclared_item_is_refused_with_its_step_and_field() {
        String json = """
                {"key": "broken", "name": "Broken", "items": {"A": "SELLABLE"},
                 "steps": [{"kind": "PLACE_ORDER", "title": "Order", "lines": [{"item": "A", "quantity": 1}]},
                           {"kind": "WAREHOUSE_RECEIVES", "title": "Receive", "lines": [{"item": "Z", "quantity": 1}]}]}
                """;

        assertThatThrownBy(() -> ScenarioFormat.read(json)).isInstanceOfSatisfying(ScenarioFormatException.class,
                e -> {
                    assertThat(e.step()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("lines[1].item");
                    assertThat(e.getMessage()).startsWith("Step 2, field \"lines[1].item\": \"Z\" is not one of");
                });
    }

    @Test
    void a_step_on_an_order_before_any_order_is_refused() {
        String json = """
                {"key": "broken", "name": "Broken", "items": {},
                 "steps": [{"kind": "CANCEL", "title": "Cancel"}]}
                """;

        assertThatThrownBy(() -> ScenarioFormat.read(json)).isInstanceOf(ScenarioFormatException.class)
                .hasMessage("Step 1, field \"kind\": CANCEL acts on an order: put a PLACE_ORDER step before it");
    }

    @Test
    void a_wrong_mode_an_unknown_expectation_and_a_bad_value_are_refused() {
        String mode = """
                {"key": "bb", "name": "B", "items": {"A": "SELLABLE"},
                 "steps": [{"kind": "PLACE_ORDER", "title": "O", "lines": [{"item": "A", "quantity": 1}]},
                           {"kind": "WAREHOUSE_SHIPS", "title": "Ship", "mode": "TELEPORT"}]}""";
        String unknown = """
                {"key": "bb", "name": "B", "items": {"A": "SELLABLE"},
                 "steps": [{"kind": "PLACE_ORDER", "title": "O", "lines": [{"item": "A", "quantity": 1}],
                            "expect": {"colour": "blue"}}]}""";
        String status = """
                {"key": "bb", "name": "B", "items": {"A": "SELLABLE"},
                 "steps": [{"kind": "PLACE_ORDER", "title": "O", "lines": [{"item": "A", "quantity": 1}],
                            "expect": {"status": "LOST"}}]}""";
        String quantity = """
                {"key": "bb", "name": "B", "items": {"A": "SELLABLE"},
                 "steps": [{"kind": "PLACE_ORDER", "title": "O", "lines": [{"item": "A", "quantity": 0}]}]}""";

        assertThatThrownBy(() -> ScenarioFormat.read(mode)).hasMessageStartingWith(
                "Step 2, field \"mode\": a WAREHOUSE_SHIPS step's mode is one of ALL, SPLIT, SHORT");
        assertThatThrownBy(() -> ScenarioFormat.read(unknown)).hasMessageStartingWith(
                "Step 1, field \"expect.colour\": unknown expectation");
        assertThatThrownBy(() -> ScenarioFormat.read(status)).hasMessageStartingWith(
                "Step 1, field \"expect.status\": \"LOST\" is not one of");
        assertThatThrownBy(() -> ScenarioFormat.read(quantity)).hasMessage(
                "Step 1, field \"lines[1].quantity\": a whole number of units, 1 to 999");
    }

    @Test
    void unreadable_json_and_a_scenario_without_steps_are_refused() {
        assertThatThrownBy(() -> ScenarioFormat.read("{not json")).isInstanceOfSatisfying(
                ScenarioFormatException.class, e -> assertThat(e.field()).isEqualTo("json"));
        assertThatThrownBy(() -> ScenarioFormat.read("""
                {"key": "bb", "name": "B", "steps": []}""")).hasMessage(
                "field \"steps\": a scenario needs at least one step");
    }

    @Test
    void an_order_expectation_on_a_step_before_any_order_is_refused() {
        String json = """
                {"key": "bb", "name": "B", "items": {"A": "SELLABLE"},
                 "steps": [{"kind": "REPORT_STOCK", "title": "Stock", "lines": [{"item": "A", "quantity": 1}],
                            "expect": {"status": "SHIPPED"}}]}""";

        assertThatThrownBy(() -> ScenarioFormat.read(json)).hasMessage(
                "Step 1, field \"expect.status\": no order has been placed yet, so there is nothing to check it on");
    }

    @Test
    void expectations_edited_alone_are_read_back_and_checked() {
        Expectations expect = ScenarioFormat.readExpectations("{\"status\": \"held\", \"shipments\": 2}", 3);

        assertThat(expect.status()).isEqualTo("HELD");
        assertThat(ScenarioFormat.readExpectations(ScenarioFormat.writeExpectations(expect), 3)).isEqualTo(expect);
        assertThatThrownBy(() -> ScenarioFormat.readExpectations("{\"shipments\": \"two\"}", 3))
                .hasMessage("Step 3, field \"expect.shipments\": a whole number, 0 to 999");
    }
}
