/**
 * The comet server process: {@link org.spectrumcomet.comet.CometServer} wires the store, the
 * engine and the listeners; {@link org.spectrumcomet.comet.CometServerCommand} is its command
 * line ({@code bin/comet-server}).
 */
package org.spectrumcomet.comet;
