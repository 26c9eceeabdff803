/*
 * comet-client.js — a small client of the CppComet-compatible WebSocket protocol
 * (spec: comet-protocols.md §I.4), written for spectrum-comet's web chat page and usable by any page.
 * No dependencies, no build step: load it with <script src="/chat/comet-client.js"></script> and use
 * the global CometClient.
 *
 *   const comet = new CometClient({user: 7, key: "secret", tenant: 0});   // key: users_auth, HMAC or JWT
 *   comet.on("state", (state, info) => ...);        // "connecting" | "online" | "offline"; info.authorized
 *   comet.on("msg", frame => ...);                  // private messages (pipe "msg"); "msg.<event>" for one event
 *   comet.on("room1.message", frame => ...);        // frames of pipe room1 with event message ("room1" = all events)
 *   comet.on("presence", (userId, online, frame) => ...);   // after comet.watch(userId)
 *   comet.subscribe("room1"); comet.unsubscribe("room1");
 *   comet.watch(42); comet.unwatch(42);             // presence of user 42 (pipe user_status_42)
 *   comet.publish("web_room", "message", {text: "hi"});  // web_pipe2: web_ pipes only
 *   comet.connect(); comet.close();
 *   CometClient.body(frame) → the JSON body convention's object ({from, nick, text, id, ts, kind, ref})
 *
 * Reconnects after a lost socket with exponential backoff (reconnectMin .. reconnectMax ms, with
 * jitter) and sends its whole subscription set again, since the server forgets it with the socket.
 * A frame with a top-level error code above 400 ends the retries, as in the reference client.
 */
(function (global) {
    "use strict";

    const MAX_PIPES = 32; // the server's limit per connection (§I.4.4); extra names are refused

    function randomUuid() {
        const bytes = new Uint8Array(16);
        global.crypto.getRandomValues(bytes);
        return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
    }

    class CometClient {
        /**
         * @param {object} options user (id, 0 = anonymous), key, tenant (dev_id, default 0),
         *   url (default: this page's server), uuid, reconnectMin (ms, 1000), reconnectMax (ms, 30000)
         */
        constructor(options) {
            this.user = Number(options.user || 0);
            this.key = String(options.key || "");
            this.tenant = Number(options.tenant || 0);
            this.uuid = options.uuid || randomUuid();
            this.base = options.url || (global.location.protocol === "https:" ? "wss://" : "ws://") + global.location.host;
            this.reconnectMin = options.reconnectMin || 1000;
            this.reconnectMax = options.reconnectMax || 30000;
            this.state = "offline";
            this.authorized = false;
            this.pipes = new Set();
            this.listeners = new Map();
            this.socket = null;
            this.failures = 0;
            this.timer = null;
            this.closed = true;
        }

        /** The positional URL of §I.4.1: parameters in the path, in this order, unencoded. */
        url() {
            return this.base + "/ws/sesion=" + this.key + "&myid=" + this.user + "&devid=" + this.tenant
                + "&v=4.09&uuid=" + this.uuid + "&api=js";
        }

        on(name, fn) {
            if (!this.listeners.has(name)) {
                this.listeners.set(name, new Set());
            }
            this.listeners.get(name).add(fn);
            return this;
        }

        off(name, fn) {
            const set = this.listeners.get(name);
            if (set) {
                set.delete(fn);
            }
            return this;
        }

        emit(name, ...args) {
            const set = this.listeners.get(name);
            if (!set) {
                return;
            }
            for (const fn of Array.from(set)) {
                try {
                    fn(...args);
                } catch (e) {
                    console.error("comet-client: listener of " + name + " failed", e);
                }
            }
        }

        connect() {
            this.closed = false;
            this.open();
            return this;
        }

        /** Closes the socket for good (no reconnect). */
        close() {
            this.closed = true;
            clearTimeout(this.timer);
            if (this.socket) {
                this.socket.close();
                this.socket = null;
            }
            this.setState("offline");
        }

        open() {
            clearTimeout(this.timer);
            this.setState("connecting");
            const socket = new WebSocket(this.url());
            this.socket = socket;
            socket.onopen = () => this.sendSubscriptions();
            socket.onmessage = event => this.receive(String(event.data));
            socket.onclose = () => {
                if (this.socket !== socket) {
                    return;
                }
                this.socket = null;
                this.authorized = false;
                this.setState("offline");
                if (!this.closed) {
                    this.retryLater();
                }
            };
        }

        retryLater() {
            const delay = Math.min(this.reconnectMax, this.reconnectMin * Math.pow(2, this.failures));
            this.failures++;
            // Jitter, so that pages cut off together do not all come back in the same millisecond.
            this.timer = setTimeout(() => this.open(), delay / 2 + Math.random() * delay / 2);
        }

        setState(state) {
            if (this.state !== state) {
                this.state = state;
                this.emit("state", state, {authorized: this.authorized});
            }
        }

        receive(text) {
            // One JSON object per frame; the reference client also tolerates several, one per line.
            for (const line of text.split("\n")) {
                if (line.trim() === "") {
                    continue;
                }
                let frame;
                try {
                    frame = JSON.parse(line);
                } catch (e) {
                    console.warn("comet-client: a frame that is not JSON ignored", line);
                    continue;
                }
                this.dispatch(frame);
            }
        }

        dispatch(frame) {
            const pipe = String(frame.pipe || "");
            const event = String(frame.event || "");
            if (pipe === "sys" && event === "serverInfo") {
                this.authorized = frame.authorized === true;
                this.failures = 0;
                this.state = "online";
                this.emit("state", "online", {authorized: this.authorized, frame: frame});
            }
            if (pipe === "sys" && event === "error") {
                this.emit("error", frame.data, frame);
            }
            if (Number(frame.error) > 400) {
                // As the reference client: a top-level error code above 400 is final, retrying cannot help.
                this.closed = true;
                this.emit("error", frame, frame);
            }
            if (pipe.startsWith("user_status_")) {
                const id = Number(pipe.substring("user_status_".length));
                // Bridge users publish their show as status_<show> on the same pipe: all but offline mean online.
                this.emit("presence", id, event !== "offline", frame);
            }
            this.emit(pipe, frame);
            this.emit(pipe + "." + event, frame);
            this.emit("frame", frame);
        }

        subscribe(pipe) {
            this.pipes.add(String(pipe));
            this.sendSubscriptions();
        }

        unsubscribe(pipe) {
            this.pipes.delete(String(pipe));
            this.sendSubscriptions();
        }

        watch(userId) {
            this.subscribe("user_status_" + Number(userId));
        }

        unwatch(userId) {
            this.unsubscribe("user_status_" + Number(userId));
        }

        /** The subscription command replaces the whole set (§I.4.4), so the set is always sent whole. */
        sendSubscriptions() {
            if (this.pipes.size > MAX_PIPES) {
                this.emit("error", {error: "at most " + MAX_PIPES + " pipes per connection; extra ones ignored"});
            }
            const names = Array.from(this.pipes).slice(0, MAX_PIPES);
            this.send("subscription\n" + names.join("\n"));
        }

        /** web_pipe2: publishes to a web_ pipe (not echoed back to this connection). */
        publish(pipe, event, data) {
            const text = typeof data === "string" ? data : JSON.stringify(data);
            return this.send("web_pipe2\n" + pipe + "\n" + event + "\n*\n" + text);
        }

        send(text) {
            if (this.socket && this.socket.readyState === WebSocket.OPEN) {
                this.socket.send(text);
                return true;
            }
            return false;
        }

        /**
         * The body of a frame as the JSON body convention (bridge/COMET-BODY.md) reads it: data is a
         * JSON string holding the inserted text; an object gives its fields, anything else is text.
         */
        static body(frame) {
            let data = frame.data;
            if (typeof data === "string") {
                try {
                    data = JSON.parse(data);
                } catch (e) {
                    return {text: data};
                }
            }
            if (data !== null && typeof data === "object" && !Array.isArray(data)) {
                return data;
            }
            return {text: data === null || data === undefined ? "" : String(data)};
        }
    }

    global.CometClient = CometClient;
})(window);
