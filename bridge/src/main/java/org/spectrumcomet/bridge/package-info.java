/**
 * The comet bridge: per-user sessions that map Spectrum payloads onto comet users and pipes.
 *
 * <p>Not built yet (issue 4). The module exists so that the build and its dependency arrows
 * ({@code protocol <- backend <- bridge}) are in place from the start.
 */
package org.spectrumcomet.bridge;
