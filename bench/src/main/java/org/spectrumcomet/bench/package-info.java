/**
 * Benchmarks, run with {@code bin/bench <name>}: {@link org.spectrumcomet.bench.BenchCommand}
 * dispatches to one subcommand per benchmark, each in its own package ({@code codec} JMH,
 * {@code link}, {@code bridge}, {@code comet}); all report through {@code report}, with ratios
 * against a baseline measured in the same run ({@code shared/bench/METHOD.md}).
 */
package org.spectrumcomet.bench;
