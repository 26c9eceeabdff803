/**
 * The bridge's configuration: the {@code [comet]} section of the Spectrum transport config
 * ({@link org.spectrumcomet.bridge.config.CometSettings}), read once at startup.
 */
package org.spectrumcomet.bridge.config;
