/**
 * The bridge's comet client: talks to any comet server over the wire only, so CppComet and our
 * own server are interchangeable by configuration ({@link org.spectrumcomet.bridge.comet.CometEndpoint}).
 *
 * <h2>Two links</h2>
 * <ul>
 *   <li><b>CometQL</b> ({@link org.spectrumcomet.bridge.comet.CometQlClient}): SQL text over the MySQL
 *       wire protocol through MariaDB Connector/J 3.5 with only the settings CppComet accepts — no TLS,
 *       no server-side prepares, no pipelining, no transactions, one statement per connection at a
 *       time, statements under 9000 bytes. A small bounded pool, its own executor, futures.</li>
 *   <li><b>WebSocket</b> ({@link org.spectrumcomet.bridge.comet.CometSocket}): one per logged-in user,
 *       as that user, on the exact positional URL CppComet parses; never pings; reconnects with
 *       backoff and resends the whole subscription list; frames become typed
 *       {@link org.spectrumcomet.bridge.comet.CometEvent}s.</li>
 * </ul>
 *
 * <h2>The body convention</h2>
 * Every message the bridge publishes is a JSON {@link org.spectrumcomet.bridge.comet.CometBody}:
 * <pre>{"from":"42","nick":"alice","text":"hi","id":"m-1","ts":1732300000000}</pre>
 * with {@code "kind"} ({@code typing}, {@code paused}, {@code stopped}, {@code attention},
 * {@code receipt}) for anything that is not text; see {@code bridge/COMET-BODY.md}.
 *
 * <p>CppComet relays string literals byte for byte (it decodes no escapes), so the body is written
 * by {@link org.spectrumcomet.bridge.comet.CometQlLiteral} as JSON whose only backslashes start
 * {@code \}{@code uXXXX} escapes: {@code '}, {@code "}, {@code \}, {@code ;}, control characters and
 * lone surrogates are escaped that way, everything else is UTF-8. No body can end the literal, and
 * the receiver's JSON parser restores the exact text. Bodies from other publishers that are not
 * JSON are unescaped CppComet-style ({@link org.spectrumcomet.bridge.comet.CometBodyCodec}).
 *
 * <p>CppComet 4.09 turns the last 1–3 bytes of a 123–125-byte frame into NUL; {@code DamagedFrameRepair}
 * rebuilds such frames from the subscribed pipe names before parsing, and drops (with a warning)
 * the few it cannot rebuild.
 */
package org.spectrumcomet.bridge.comet;
