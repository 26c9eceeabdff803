/** Logback set up from the transport config ({@link org.spectrumcomet.backend.logging.BackendLogging}). */
package org.spectrumcomet.backend.logging;
