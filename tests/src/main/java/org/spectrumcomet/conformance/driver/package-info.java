/**
 * The legacy side of scenario suites: a {@link org.spectrumcomet.conformance.driver.LegacyDriver}
 * knows a backend's accounts, contacts and rooms and makes the legacy network act (a contact
 * writes, types, an occupant speaks) or observes what reached it. The echo driver works with the
 * echo backend, whose legacy side is the backend itself; a comet driver will use comet clients.
 */
package org.spectrumcomet.conformance.driver;
