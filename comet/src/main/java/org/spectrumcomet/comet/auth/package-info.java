/**
 * Proving that a connection belongs to a user, and that a caller is the tenant's server side.
 *
 * <p>A WebSocket client presents a <em>user key</em> together with its user id; any one of these
 * authorises it (checked in this order by {@link org.spectrumcomet.comet.auth.UserKeyCheck}):
 * <ol>
 *   <li><b>users_auth key</b> — the key the application stored with
 *       {@code INSERT INTO users_auth (id, hash) VALUES (7, 'secret7')} (CppComet's way).</li>
 *   <li><b>HMAC key</b> ({@link org.spectrumcomet.comet.auth.HmacUserKey}) — no row needed: the key is
 *       the lowercase hex HMAC-SHA256 of the decimal user id under the tenant key, 64 characters.
 *       For tenant key {@code k3y} and user {@code 7}:
 *       <pre>printf 7 | openssl dgst -sha256 -hmac k3y   # → the 64 hex chars to use as sesion=</pre></li>
 *   <li><b>JWT</b> ({@link org.spectrumcomet.comet.auth.JwtUserKey}) — HS256 signed with the tenant key,
 *       payload {@code {"user_id":7,"exp":1800000000}} ({@code user_id} a JSON number equal to the
 *       connection's user id, {@code exp} required and in the future). CppComet's secret form, the
 *       tenant key immediately followed by the decimal dev_id ({@code k3y0}), is accepted too.</li>
 * </ol>
 * A key that fails every check leaves the connection anonymous (CppComet does not close it); the
 * reason (expired, bad signature, wrong user, ...) is logged at debug level.
 *
 * <p>Server-side callers of the JSON API prove they hold the tenant key with
 * {@link org.spectrumcomet.comet.auth.ServerToken}: {@code Authorization: Bearer <tenant key>} or a
 * JWT signed with the tenant key that carries <em>no</em> {@code user_id} claim (so that a user's
 * own token never grants server rights).
 *
 * <p>Not supported: CppComet's {@code revoked_tokens} deny-list (the engine keeps none); revoke a
 * JWT by changing the tenant key or by using short {@code exp} times.
 */
package org.spectrumcomet.comet.auth;
