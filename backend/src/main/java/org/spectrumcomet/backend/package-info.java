/**
 * The entry point of a Java Spectrum 2 backend. A backend describes itself with a
 * {@link org.spectrumcomet.backend.BackendDefinition} (name, version, features, and a factory for
 * its {@link org.spectrumcomet.backend.Handlers}) and hands it to
 * {@link org.spectrumcomet.backend.SpectrumBackend#run}:
 *
 * <pre>
 *   public static void main(String[] args) {
 *       System.exit(SpectrumBackend.run(args, BackendDefinition.builder("echo", "1.0")
 *               .features(BackendFeatures.builder().needPassword(false).needRegistration(false).build())
 *               .handlers(context -&gt; Handlers.builder().session(new EchoSessions(context.mainInstance())).build())
 *               .build()));
 *   }
 * </pre>
 *
 * Packages: {@code cli} (argv), {@code config} (transport config), {@code logging},
 * {@code link} (the TCP link to the main instance), {@code dispatch} (inbound frames to handlers,
 * per-user serial queues), {@code handler} (what a backend implements), {@code outbound} (what it
 * sends). Nothing here knows about comet.
 */
package org.spectrumcomet.backend;
