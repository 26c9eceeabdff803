/**
 * {@code bin/soak}: a long run of the whole chain — our comet server process, the bridge backend
 * spawned by the emulated Spectrum main with many logged-in XMPP users, and thousands of web users
 * on WebSockets — at a fixed aggregate rate of mixed traffic. Every message carries a sequence
 * number; the {@link org.spectrumcomet.soak.Ledger} counts each expected delivery as received,
 * lost or duplicated, and {@link org.spectrumcomet.soak.ProcessProbe} samples the children's heap
 * after GC, RSS and open descriptors, so the summary can say whether anything was lost and whether
 * memory stayed flat.
 */
package org.spectrumcomet.soak;
