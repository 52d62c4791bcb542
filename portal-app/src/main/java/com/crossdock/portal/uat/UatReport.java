package com.crossdock.portal.uat;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run as one self-contained report (styles inline, nothing fetched): the scenario, the brand, the configuration
 * version it ran against, the items picked and why, each step with its outcome, expectation, reason and evidence,
 * the sign-offs with who, when and at which version, and a STALE banner when the sign-off went stale. The page is
 * well-formed XHTML, so the same markup is the HTML download and, laid out by openhtmltopdf, the PDF.
 *
 * @param stale why the sign-off is stale, or null when it holds (or nobody signed)
 */
record UatReport(String tenantName, RunView run, @Nullable String stale) {

    /**
     * The PDF writes with the standard Helvetica and Courier (bold included) and falls back to this font (shipped
     * inside PDFBox) for any character they lack: names, evidence and arrows in other scripts.
     */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    static {
        XRLog.setLoggerImpl(new Slf4jXrLogger());
    }

    /** The report as an XHTML page. */
    String html() {
        StringBuilder html = new StringBuilder(8192);
        html.append("""
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/>
                <title>UAT report</title>
                <style>
                @page{size:A4;margin:14mm}
                body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330;max-width:70rem}
                table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
                th,td{border:1px solid #c8ccd4;padding:.35rem .5rem;text-align:left;vertical-align:top}
                th{background:#f1f3f6}
                pre{white-space:pre-wrap;word-wrap:break-word;font-size:.8rem;margin:0}
                .PASSED{color:#17663a;font-weight:600}.FAILED{color:#a4161a;font-weight:600}.SKIPPED{color:#6b7280}
                .stale{border:2px solid #a4161a;background:#fdecec;color:#a4161a;padding:.6rem .8rem;margin:1rem 0}
                .stale strong{font-size:1.4rem;margin-right:.5rem}
                </style></head><body>
                """);
        html.append("<h1>UAT report: ").append(e(run.scenarioName())).append("</h1>");
        if (stale != null) {
            html.append("<div class=\"stale\" id=\"uat-report-stale\"><strong>STALE</strong>").append(e(stale))
                    .append("</div>");
        }
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

    /** The same page laid out as a PDF (A4). */
    byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(UatReport::font, "Liberation Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true,
                    EnumSet.of(BaseRendererBuilder.FSFontUseCase.FALLBACK_FINAL));
            builder.withHtmlContent(html(), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the UAT report of run " + run.id() + " as PDF failed", e);
        }
        return out.toByteArray();
    }

    /** openhtmltopdf's log through SLF4J (loggers {@code com.openhtmltopdf.*}) instead of its own console lines. */
    private static final class Slf4jXrLogger implements XRLogger {

        @Override
        public void log(String where, Level level, String message) {
            log(where, level, message, null);
        }

        @Override
        public void log(String where, Level level, String message, @Nullable Throwable problem) {
            Logger logger = LoggerFactory.getLogger(where);
            if (level.intValue() >= Level.SEVERE.intValue()) {
                logger.error(message, problem);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                logger.warn(message, problem);
            } else {
                logger.debug(message, problem);
            }
        }

        @Override
        public void setLevel(String where, Level level) {
            // the levels are the logging configuration's
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue()
                    || LoggerFactory.getLogger("com.openhtmltopdf").isDebugEnabled();
        }
    }

    private static InputStream font() {
        return Objects.requireNonNull(UatReport.class.getResourceAsStream(FONT), "PDFBox's " + FONT);
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(e(name)).append("</th><td>").append(e(value)).append("</td></tr>");
    }

    private static String at(@Nullable Instant at) {
        return at == null ? "—" : at.toString();
    }

    /**
     * Text escaped for XHTML: the five markup characters as references, and control characters XML does not allow
     * (an X12 file's separators may be some) written as {@code \\uXXXX} so the page stays well-formed.
     */
    static String e(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                            || c >= 0xD800 && c <= 0xDFFF) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
