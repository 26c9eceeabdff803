/**
 * The browser-side listener ({@link org.spectrumcomet.comet.ws.WebListener}): one Netty HTTP
 * pipeline serving the CppComet-compatible WebSocket protocol (spec §I.4), the JSON comet API
 * (package {@code http}) and the small HTTP responder.
 *
 * <pre>
 * ConnectionLimit → HttpServerCodec → HttpObjectAggregator(64 KiB) → IdleStateHandler → HttpRouter
 *   upgrade /ws/…                 → WebSocket13 codec → WebSocketFrameAggregator → CometSocketHandler
 *   upgrade /comet/Comet/Subscribe → WebSocket13 codec → WebSocketFrameAggregator → SubscribeHandler
 * </pre>
 *
 * <p>CppComet protocol: positional URL ({@link org.spectrumcomet.comet.ws.CometUrl}), first frame
 * {@code serverInfo}, commands ({@code CometCommands}), frames ({@link
 * org.spectrumcomet.comet.ws.CometFrames}). Where we differ from CppComet on purpose (spec Part II):
 * ping is answered with pong; close frames carry a code and reason; frames above 65,535 bytes are
 * sent (64-bit length) instead of dropped; an incoming frame above {@code maxFrameBytes} closes
 * with 1009; {@code web_pipe2} text is relayed as sent (no SQL-escaping); {@code private_*} names of
 * anonymous clients are skipped without dropping the rest of the list; {@code pipe_log} frames carry
 * {@code history:true} and the marker; queued private messages are delivered exactly once.
 * The {@code serverInfo} frame's {@code data} is the user's users_auth key when it has one, else
 * the key it presented (CppComet stores a random key for a JWT login; we store nothing).
 * {@code user_data} always answers empty user data (we keep no users_data), {@code user_status}
 * answers now − last-seen as CppComet does (−1 when never seen).
 *
 * <p>Bounds: HTTP requests 64 KiB (413); connections {@code maxConnections} (503); WebSocket
 * messages {@code maxFrameBytes} (1009); per connection 256 pending commands (1008) and 4 MiB of
 * unwritten outbound frames (1013 "slow consumer"; {@code deliver} then returns false).
 *
 * <p>Writes: every frame (and the close after an error frame) of a CppComet connection goes
 * through its event loop's {@link org.spectrumcomet.comet.ws.LoopOutbox}: one task per loop writes
 * what all publishes queued for that loop's connections and flushes each once.
 */
package org.spectrumcomet.comet.ws;
