/**
 * The server's configuration: a small INI reader ({@link org.spectrumcomet.comet.config.IniFile})
 * for {@code comet.ini}, its mapping onto {@link org.spectrumcomet.comet.config.ServerConfig}
 * ({@link org.spectrumcomet.comet.config.ServerConfigReader}), and the defaults. Every error names
 * the file and line ({@link org.spectrumcomet.comet.config.ConfigException}).
 */
package org.spectrumcomet.comet.config;
