/** The bridge: XMPP users through spectrum-comet-backend to our comet server benchmark ({@code bin/bench bridge}). */
package org.spectrumcomet.bench.bridge;
