/**
 * The transport config file, read the way Spectrum 2 reads it (boost program_options INI, spec §1.2):
 * {@link org.spectrumcomet.backend.config.TransportConfigReader} parses it,
 * {@link org.spectrumcomet.backend.config.TransportConfig} holds it with command-line overrides,
 * {@link org.spectrumcomet.backend.config.ConfigSection} gives typed access per section, and every
 * problem is a one-line {@link org.spectrumcomet.backend.config.ConfigException} naming file, line and key.
 */
package org.spectrumcomet.backend.config;
