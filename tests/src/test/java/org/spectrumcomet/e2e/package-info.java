/**
 * End-to-end tests: the bridge backend as a process under the emulated Spectrum main, our comet
 * server as a process, web users on real WebSockets and the site's CometQL over JDBC.
 */
package org.spectrumcomet.e2e;
