/**
 * What every benchmark reports with, following {@code shared/bench/METHOD.md}: a Markdown
 * {@link org.spectrumcomet.bench.report.MarkdownTable}, the {@link
 * org.spectrumcomet.bench.report.MachineInfo} it ran on, {@link
 * org.spectrumcomet.bench.report.Repeats} (min/median/max over ≥ 3 runs), latency percentiles
 * from a {@link org.spectrumcomet.bench.report.LatencyRecorder}, memory from a {@link
 * org.spectrumcomet.bench.report.MemoryProbe}, gathered in one {@link
 * org.spectrumcomet.bench.report.BenchReport} that prints to stdout and writes a {@link
 * org.spectrumcomet.bench.report.ResultsFile} under {@code bench/results/}.
 */
package org.spectrumcomet.bench.report;
