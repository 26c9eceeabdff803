/**
 * Benchmarks: JMH micro-benchmarks and load generators, each reporting ratios against a
 * baseline measured in the same run. Not built yet (issue 5).
 */
package org.spectrumcomet.bench;
