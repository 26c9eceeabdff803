package org.spectrumcomet.conformance.cli;

import java.util.List;
import org.spectrumcomet.conformance.suites.ScenarioResult;

/** Renders scenario results as a Markdown table, one row per scenario, reasons for failures. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(String backend, List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("# Conformance: `").append(cell(backend)).append("`\n\n");
        out.append("| suite | scenario | result | time | reason |\n");
        out.append("|---|---|---|---:|---|\n");
        for (ScenarioResult r : results) {
            out.append("| ").append(r.suite())
                    .append(" | ").append(r.scenario())
                    .append(" | ").append(r.passed() ? "pass" : "**FAIL**")
                    .append(" | ").append(r.took().toMillis()).append(" ms")
                    .append(" | ").append(cell(r.reason()))
                    .append(r.backendLog() == null ? "" : " (backend log: `" + r.backendLog() + "`)")
                    .append(" |\n");
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.append('\n').append(results.size() - failed).append(" passed, ").append(failed).append(" failed\n");
        return out.toString();
    }

    /** Keeps a value inside one table cell. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
