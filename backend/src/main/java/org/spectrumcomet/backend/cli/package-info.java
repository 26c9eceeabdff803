/**
 * The command line Spectrum 2 spawns a backend with (spec §1.1), parsed by
 * {@link org.spectrumcomet.backend.cli.LaunchArgumentsParser} into
 * {@link org.spectrumcomet.backend.cli.LaunchArguments}. Unknown options never abort.
 */
package org.spectrumcomet.backend.cli;
