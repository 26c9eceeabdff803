/**
 * Deliberately broken backends, written directly on the protocol codec (not the backend library),
 * that prove the conformance kit catches each fault. {@link org.spectrumcomet.conformance.broken.RawBackend}
 * behaves well; each subclass breaks exactly one rule.
 */
package org.spectrumcomet.conformance.broken;
