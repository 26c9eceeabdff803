/**
 * The link benchmark ({@code bin/bench link}): a load-generating main instance drives one backend
 * process over real loopback TCP — PING→PONG latency while CONV_MESSAGE traffic saturates the link
 * both ways, messages/s each way, LOGIN→CONNECTED/s — against baselines in the same run.
 *
 * <pre>
 *   {@link org.spectrumcomet.bench.link.LinkBench}         command: for each {@link org.spectrumcomet.bench.link.LinkTarget}, spawn, warm up, measure, tabulate
 *     ├ {@link org.spectrumcomet.bench.link.LoadMain}        listens on 127.0.0.1:0, spawns a {@link org.spectrumcomet.bench.link.SpawnedBackend}
 *     │   └ {@link org.spectrumcomet.bench.link.LoadLink}    the main's side of the link: handshake, window-bounded CONV_MESSAGE pump, fixed-rate PINGs
 *     ├ {@link org.spectrumcomet.bench.link.NullBackend}     baseline on the same backend library: CONNECTED, PONG, one prebuilt reply per CONV_MESSAGE (or silent)
 *     ├ {@link org.spectrumcomet.bench.link.NettyEcho}       baseline without the library: plain Netty TCP echo of the same frames
 *     └ {@link org.spectrumcomet.bench.link.LinkTable}       rows, ratios, targets
 * </pre>
 *
 * <p>The load generator is its own lean main rather than the conformance kit's {@code MainInstance}:
 * the kit records and checks every frame, which would make it the bottleneck. It reuses the kit's
 * transport config writer and Spectrum argv so backends are spawned exactly as the kit does.
 */
package org.spectrumcomet.bench.link;
