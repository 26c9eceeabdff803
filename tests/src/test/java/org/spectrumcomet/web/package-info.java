/**
 * The web chat page ({@code /chat/} of our comet server) in a real browser: headless Debian
 * chromium driven by Selenium through {@code /usr/bin/chromedriver} ({@link
 * org.spectrumcomet.web.ChatBrowser}), against an in-process comet server and, for the XMPP side,
 * the emulated Spectrum main with the real bridge backend process ({@link
 * org.spectrumcomet.web.ChatRig}). Screenshots of the main states land in
 * {@code tests/target/screenshots/}.
 */
package org.spectrumcomet.web;
