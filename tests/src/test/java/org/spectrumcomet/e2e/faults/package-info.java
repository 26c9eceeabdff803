/**
 * Fault tests (issue 6 item 2) and adversarial input the other suites do not cover yet (item 3):
 * real backend and comet processes on loopback sockets, a main instance that vanishes or stops
 * reading, a comet server that never answers, a full disk under the comet store.
 */
package org.spectrumcomet.e2e.faults;
