/**
 * The JSON comet API (spec Part IV) and the small HTTP responder of the ws port.
 *
 * <ul>
 *   <li>{@code GET /comet/Comet/Subscribe} — WebSocket of JSON frames ({@link
 *       org.spectrumcomet.comet.http.PushFrames}), handled by {@link
 *       org.spectrumcomet.comet.http.SubscribeHandler}: AUTH with a JWT (user from its
 *       {@code user_id}) or a users_auth/HMAC key plus {@code "uid"}; JOIN one room (a pipe of the
 *       same tenant) at a time; heartbeats; PUSH of whatever the engine delivers (room messages,
 *       world broadcasts, private messages — including CometQL's).</li>
 *   <li>{@code POST /comet/Comet/Publish|Broadcast|DumpSession} — {@link
 *       org.spectrumcomet.comet.http.CometApi}, bearer-token authenticated per tenant
 *       ({@code X-Comet-Tenant}). Example:
 *       <pre>curl -H 'Authorization: Bearer TENANT_KEY' -H 'X-Comet-Tenant: 0' \
 *     -d '{"uid":7,"evt":{"text":"hi"}}' http://127.0.0.1:8087/comet/Comet/Publish</pre></li>
 *   <li>{@code GET /}, {@code /info}, {@code OPTIONS} — {@link org.spectrumcomet.comet.http.SiteResponder}.</li>
 *   <li>{@code GET /chat/} — the web chat page and its {@code comet-client.js}
 *       ({@link org.spectrumcomet.comet.http.StaticPages}, files in {@code org/spectrumcomet/comet/web/});
 *       {@code POST /chat/api/whoami|send|room|presence} — its site calls
 *       ({@link org.spectrumcomet.comet.http.ChatApi}), authenticated with the user's own key.</li>
 * </ul>
 *
 * <p>Bounds: request bodies are bounded by the listener's HTTP aggregator (413 beyond); each
 * connection has at most {@link org.spectrumcomet.comet.http.OrderedTasks#MAX_PENDING} pending
 * engine calls and {@link org.spectrumcomet.comet.http.OutboundBudget#MAX_QUEUED_BYTES} unwritten
 * outbound bytes (then it is closed: "slow consumer"). Delivery is best-effort as the seed says,
 * except private messages, which the engine keeps queued while the user has no connection.
 */
package org.spectrumcomet.comet.http;
