/**
 * {@code bin/bench bridge}: {@code spectrum-comet-backend} with N logged-in users, driven by the link
 * benchmark's load main, against our comet server process ({@link org.spectrumcomet.bench.bridge.CometProcess});
 * web subscribers on WebSockets ({@link org.spectrumcomet.bench.bridge.WebSubscribers}) and the site's
 * CometQL inserts ({@link org.spectrumcomet.bench.bridge.SiteLoad}) are the comet side. Baselines: the null
 * backend and CometQL straight to comet ({@link org.spectrumcomet.bench.bridge.DirectBaseline}).
 */
package org.spectrumcomet.bench.bridge;
