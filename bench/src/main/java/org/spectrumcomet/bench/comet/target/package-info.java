/**
 * The servers the comet benchmark drives, each a separate process started and stopped by PID:
 * our comet server ({@code bin/comet-server}), the real CppComet ({@code $CPPCOMET_HOME/start}),
 * and the raw Netty broadcast baseline. All listen on 127.0.0.1 only.
 */
package org.spectrumcomet.bench.comet.target;
