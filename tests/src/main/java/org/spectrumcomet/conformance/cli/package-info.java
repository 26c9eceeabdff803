/**
 * The {@code bin/spectrum-comet} command line: {@code conformance} runs the suites against a
 * backend command and prints a Markdown table; {@code demo} is reserved for the comet bridge demo.
 */
package org.spectrumcomet.conformance.cli;
