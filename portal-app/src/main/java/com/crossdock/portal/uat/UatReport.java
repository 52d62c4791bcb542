package com.crossdock.portal.uat;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * A run as a self-contained HTML page (styles inline, nothing fetched): the scenario, the configuration version it
 * ran against, the items picked and why, each step with its outcome, reason and evidence, and the sign-offs.
 */
final class UatReport {

    private UatReport() {
    }

    static String html(String tenantName, RunView run) {
        StringBuilder html = new StringBuilder(8192);
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>UAT report</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330;max-width:70rem}
                table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
                th,td{border:1px solid #c8ccd4;padding:.35rem .5rem;text-align:left;vertical-align:top}
                th{background:#f1f3f6} pre{white-space:pre-wrap;word-break:break-all;font-size:.8rem;margin:0}
                .PASSED{color:#17663a;font-weight:600}.FAILED{color:#a4161a;font-weight:600}.SKIPPED{color:#6b7280}
                </style></head><body>
                """);
        html.append("<h1>UAT report: ").append(e(run.scenarioName())).append("</h1>");
        html.append("<table>");
        row(html, "Brand", tenantName);
        row(html, "Scenario", run.scenarioName() + " (" + run.scenarioKey() + ")");
        html.append("<tr><th>Outcome</th><td class=\"").append(run.status()).append("\">").append(run.status())
                .append("</td></tr>");
        row(html, "Summary", run.summary());
        row(html, "Configuration version", String.valueOf(run.configVersion()));
        row(html, "Started by", run.startedBy());
        row(html, "Started", at(run.startedAt()));
        row(html, "Finished", at(run.finishedAt()));
        html.append("</table><h2>Items picked from the catalog</h2>");
        if (run.pickedItems().isEmpty()) {
            html.append("<p>None.</p>");
        } else {
            html.append("<table><tr><th>Role</th><th>Kind</th><th>Sold as</th><th>Why</th></tr>");
            for (PickedItem item : run.pickedItems()) {
                html.append("<tr><td>").append(e(item.role())).append("</td><td>").append(item.kind())
                        .append("</td><td>").append(e(item.channelSku())).append("</td><td>").append(e(item.why()))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>Steps</h2>");
        for (StepView step : run.steps()) {
            html.append("<h3>").append(step.number()).append(". ").append(e(step.title())).append(" <span class=\"")
                    .append(step.outcome()).append("\">").append(step.outcome()).append("</span></h3>");
            html.append("<table>");
            row(html, "Kind", step.kind());
            row(html, "Expected", step.expected().isEmpty() ? "nothing beyond the step itself"
                    : String.join("; ", step.expected()));
            row(html, "Reason", step.reason());
            for (Map.Entry<String, String> evidence : step.evidence().entrySet()) {
                html.append("<tr><th>").append(e(evidence.getKey())).append("</th><td><pre>")
                        .append(e(evidence.getValue())).append("</pre></td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>Sign-offs</h2>");
        if (run.signOffs().isEmpty()) {
            html.append("<p>Not signed yet.</p>");
        } else {
            html.append("<table><tr><th>Role</th><th>Who</th><th>When</th><th>Configuration version</th></tr>");
            for (SignOffView signOff : run.signOffs()) {
                html.append("<tr><td>").append(signOff.role().label()).append("</td><td>")
                        .append(e(signOff.signedByName() + " (" + signOff.signedBy() + ")")).append("</td><td>")
                        .append(at(signOff.signedAt())).append("</td><td>").append(signOff.configVersion())
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(e(name)).append("</th><td>").append(e(value)).append("</td></tr>");
    }

    private static String at(@Nullable Instant at) {
        return at == null ? "—" : at.toString();
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
