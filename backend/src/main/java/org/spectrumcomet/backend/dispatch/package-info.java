/**
 * Inbound frames to handlers, off the event loop: {@link org.spectrumcomet.backend.dispatch.InboundDispatcher}
 * picks the handler (or the library's default answer) for each type, and
 * {@link org.spectrumcomet.backend.dispatch.UserQueues} runs each user's work in order on a shared,
 * bounded pool of workers, so one user's slow or failing handler never touches another user or
 * the link's PING answers.
 */
package org.spectrumcomet.backend.dispatch;
