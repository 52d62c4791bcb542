package com.crossdock.portal.uat;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.tenantconfig.uat.ItemKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class UatReportTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    @Test
    void theReportIsWellFormedXhtmlEvenWithMarkupAndX12SeparatorsInTheEvidence() throws Exception {
        String html = new UatReport("Harbor & Pine", run(), null).html();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document page = factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(
                StandardCharsets.UTF_8)));

        String text = page.getDocumentElement().getTextContent();
        assertThat(text).contains("Harbor & Pine", "ISA*00*~GS\\u001D940", "<OrderRequest id='1'>",
                "status HELD; hold reason contains Incomplete address", "Not signed yet");
        assertThat(html).doesNotContain("STALE");
    }

    @Test
    void thePdfHasTheScenarioTheStepsTheirOutcomesBothSignersAndTheStaleBanner() throws Exception {
        RunView signed = withSignOffs(run());

        byte[] pdf = new UatReport("Harbor & Pine", signed, "Signed at configuration version 4, and the "
                + "configuration is at version 5 now").pdf();

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // table cells wrap lines where the layout needs it
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("UAT report: Incomplete address", "Harbor & Pine",
                    "Buyer leaves out street and ZIP code", "Buyer cancels the held order", "PASSED", "FAILED",
                    "Bea Admin", "Marco Manager", "STALE Signed at configuration version 4",
                    "configuration is at version 5 now", "Résumé → ok");
        }
    }

    private static RunView run() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("Webhook body", "{\"note\": \"<OrderRequest id='1'>\", \"buyer\": \"Résumé → ok\"}");
        evidence.put("X12", "ISA*00*~GS\u001D940");
        List<StepView> steps = List.of(
                new StepView(1, "Buyer leaves out street and ZIP code", "PLACE_ORDER", StepOutcome.PASSED,
                        List.of("status HELD", "hold reason contains Incomplete address"),
                        "The order is HELD: Incomplete address", evidence, AT, AT.plusSeconds(3)),
                new StepView(2, "Buyer cancels the held order", "CANCEL", StepOutcome.FAILED, List.of("status CANCELED"),
                        "The order is still HELD after 30 s", Map.of(), AT.plusSeconds(3), AT.plusSeconds(33)));
        return new RunView(UUID.randomUUID(), "incomplete-address", "Incomplete address", RunStatus.FAILED, 4,
                List.of(new PickedItem("A", ItemKind.SELLABLE, "SHOP-TEE-0", Map.of("TEE-0", 1L), "TEE-0 is active")),
                "Step 2 failed", "uat.admin", AT, AT, AT.plusSeconds(33), steps, List.of());
    }

    private static RunView withSignOffs(RunView run) {
        return new RunView(run.id(), run.scenarioKey(), run.scenarioName(), run.status(), run.configVersion(),
                run.pickedItems(), run.summary(), run.startedBy(), run.queuedAt(), run.startedAt(), run.finishedAt(),
                run.steps(), List.of(new SignOffView(SignOffRole.BRAND_ADMIN, "uat.admin", "Bea Admin", AT, 4),
                        new SignOffView(SignOffRole.ACCOUNT_MANAGER, "uat.manager", "Marco Manager", AT, 4)));
    }
}
