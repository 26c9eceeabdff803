/** The comet: our comet server's connections, INSERTs and fan-out benchmark ({@code bin/bench comet}). */
package org.spectrumcomet.bench.comet;
