/**
 * The echo backend: a Spectrum 2 backend on the spectrum-comet backend library whose legacy
 * network is itself ({@link org.spectrumcomet.echo.EchoRules}). It answers every conformance
 * scenario meaningfully: contacts echo messages, typing and attention; rooms have two fake
 * occupants and history; vCards echo the request id.
 */
package org.spectrumcomet.echo;
