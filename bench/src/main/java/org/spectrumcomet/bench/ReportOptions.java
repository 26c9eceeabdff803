package org.spectrumcomet.bench;

import java.nio.file.Path;
import org.spectrumcomet.bench.report.ResultsFile;
import picocli.CommandLine.Option;

/** Options every benchmark shares (a picocli mixin): where its results file goes. */
public final class ReportOptions {

    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Directory for the results file (default: <repo>/bench/results).")
    Path resultsDir;

    public Path resultsDirectory() {
        return resultsDir != null ? resultsDir : ResultsFile.defaultDirectory();
    }
}
