/*
 * The chat page: sign-in, buddies with presence, 1:1 chats (receipts, typing) and rooms.
 * Receives over the WebSocket (comet-client.js); sends through the server's site calls
 * (POST /chat/api/<call>), since the WebSocket protocol lets a browser write only to web_ pipes.
 * Message bodies follow bridge/COMET-BODY.md, so XMPP users behind the bridge read and write them.
 *
 * Everything shown that came from the network is set with textContent, never as HTML.
 */
(function () {
    "use strict";

    const $ = id => document.getElementById(id);
    const SESSION = "chat.session";
    const TYPING_IDLE_MS = 4000;     // no keystroke for this long: "paused"
    const TYPING_SHOWN_MS = 15000;   // a peer's "typing" fades after this long without news
    const ROOM_REFRESH_MS = 5000;    // members (and missed history) of the open room
    const PRESENCE_REFRESH_MS = 30000;
    // Messages kept per conversation (more than a room's history, 50): older ones leave the page,
    // so a tab open for days neither grows without end nor overflows replaceChildren(...records).
    const MAX_KEPT = 500;

    let session = null;   // {user, key, tenant, nick}
    let comet = null;
    let open = null;      // the conversation shown
    let sent = 0;
    const conversations = new Map();   // "user:42" | "room:demo" → conversation
    const buddies = new Map();         // id → {row, lastOnline}
    const nicks = new Map();           // user id → nickname seen in bodies
    const typing = {sent: false, timer: null};

    // ---- site calls --------------------------------------------------------------------

    async function api(call, body) {
        const headers = {"Content-Type": "application/json", "Authorization": "Bearer " + session.key,
            "X-Comet-Tenant": String(session.tenant)};
        if (session.user) {
            headers["X-Comet-User"] = String(session.user);
        }
        const response = await fetch("api/" + call, {method: "POST", headers: headers, body: JSON.stringify(body || {})});
        let answer = {};
        try {
            answer = await response.json();
        } catch (e) {
            // an empty or non-JSON answer: the status says enough
        }
        if (!response.ok) {
            const error = new Error(answer.error || "HTTP " + response.status);
            error.status = response.status;
            throw error;
        }
        return answer;
    }

    function storageKey(what) {
        return "chat." + session.tenant + "." + session.user + "." + what;
    }

    function stored(what) {
        try {
            const list = JSON.parse(localStorage.getItem(storageKey(what)) || "[]");
            return Array.isArray(list) ? list : [];
        } catch (e) {
            return [];
        }
    }

    function store(what, list) {
        localStorage.setItem(storageKey(what), JSON.stringify(list));
    }

    function showError(text) {
        $("app-error").textContent = text || "";
    }

    function nameOf(id) {
        const nick = nicks.get(String(id));
        return nick ? nick + " (#" + id + ")" : "#" + id;
    }

    /** A body's ts if a Date can hold it (else it would read "Invalid Date" and sort last for ever), else fallback. */
    function sentAt(ts, fallback) {
        const ms = Number(ts);
        return Number.isFinite(ms) && ms > 0 && ms <= 8.64e15 ? ms : fallback;
    }

    function clock(ms) {
        return new Date(ms).toLocaleTimeString([], {hour: "2-digit", minute: "2-digit", second: "2-digit"});
    }

    // ---- sign-in -----------------------------------------------------------------------

    async function signIn(candidate) {
        session = candidate;
        try {
            const answer = await api("whoami");
            session.user = answer.user;
        } catch (e) {
            session = null;
            sessionStorage.removeItem(SESSION);
            $("signin-error").textContent = e.status === 401 ? "Sign-in refused: " + e.message
                : "Sign-in failed: " + e.message;
            return;
        }
        sessionStorage.setItem(SESSION, JSON.stringify(session));
        start();
    }

    $("signin-form").addEventListener("submit", event => {
        event.preventDefault();
        const user = $("signin-user").value.trim();
        const key = $("signin-key").value.trim();
        const tenant = $("signin-tenant").value.trim() || "0";
        if (!/^[0-9]{0,9}$/.test(user) || !/^[0-9]{1,9}$/.test(tenant) || key === "") {
            $("signin-error").textContent = "A user id (digits), a key and a tenant (digits) are needed.";
            return;
        }
        $("signin-error").textContent = "";
        signIn({user: Number(user), key: key, tenant: Number(tenant), nick: $("signin-nick").value.trim()});
    });

    $("signout").addEventListener("click", () => {
        if (comet) {
            comet.close();
        }
        sessionStorage.removeItem(SESSION);
        location.reload();
    });

    function start() {
        $("signin").hidden = true;
        $("app").hidden = false;
        $("me").hidden = false;
        $("me-name").textContent = (session.nick ? session.nick + " " : "") + "#" + session.user;
        nicks.set(String(session.user), session.nick || "");
        comet = new CometClient({user: session.user, key: session.key, tenant: session.tenant});
        comet.on("state", (state, info) => {
            const shown = state === "online" && !info.authorized ? "anonymous" : state;
            $("me-state").textContent = shown;
            $("me-state").dataset.state = shown;
            if (state === "online") {
                refreshPresence();
                conversations.forEach(c => c.kind === "room" && refreshRoom(c));
            }
        });
        comet.on("msg", onPrivate);
        comet.on("presence", (id, online) => showPresence(id, online ? 0 : Math.floor(Date.now() / 1000)));
        comet.on("error", data => showError("comet: " + (data && data.error ? data.error : JSON.stringify(data))));
        stored("buddies").forEach(id => addBuddy(id, false));
        stored("rooms").forEach(pipe => joinRoom(pipe, false));
        comet.connect();
        setInterval(refreshPresence, PRESENCE_REFRESH_MS);
        setInterval(() => open && open.kind === "room" && refreshRoom(open), ROOM_REFRESH_MS);
    }

    // ---- buddies and presence ----------------------------------------------------------

    function addBuddy(id, save) {
        id = Number(id);
        if (!(id > 0 && id <= 999999999) || buddies.has(id)) {
            return;
        }
        const row = document.createElement("li");
        row.className = "buddy";
        row.dataset.user = String(id);
        const dot = document.createElement("span");
        dot.className = "dot";
        dot.dataset.state = "unknown";
        const name = document.createElement("span");
        name.className = "name";
        name.textContent = nameOf(id);
        const seen = document.createElement("span");
        seen.className = "seen";
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "remove";
        remove.title = "Remove buddy";
        remove.textContent = "×";
        remove.addEventListener("click", event => {
            event.stopPropagation();
            buddies.delete(id);
            row.remove();
            comet.unwatch(id);
            store("buddies", Array.from(buddies.keys()));
        });
        row.append(dot, name, seen, remove);
        row.addEventListener("click", () => openConversation(userConversation(id)));
        $("buddies").append(row);
        buddies.set(id, {row: row});
        comet.watch(id);
        if (save) {
            store("buddies", Array.from(buddies.keys()));
            refreshPresence();
        }
    }

    $("buddy-form").addEventListener("submit", event => {
        event.preventDefault();
        const id = $("buddy-add-id").value.trim();
        if (!/^[1-9][0-9]{0,8}$/.test(id)) {
            showError("A buddy is a user id (1 to 9 digits).");
            return;
        }
        showError("");
        $("buddy-add-id").value = "";
        addBuddy(id, true);
    });

    async function refreshPresence() {
        const ids = Array.from(buddies.keys());
        if (ids.length === 0) {
            return;
        }
        try {
            const times = await api("presence", {users: ids.slice(0, 100)});
            Object.keys(times).forEach(id => showPresence(Number(id), times[id]));
        } catch (e) {
            showError("presence: " + e.message);
        }
    }

    /** @param lastOnline users_time: 0 online, unix seconds last seen, -1 never seen */
    function showPresence(id, lastOnline) {
        const buddy = buddies.get(id);
        if (!buddy) {
            return;
        }
        const online = lastOnline === 0;
        buddy.row.querySelector(".dot").dataset.state = online ? "online" : "offline";
        buddy.row.dataset.state = online ? "online" : "offline";
        buddy.row.querySelector(".seen").textContent = online ? "online"
            : lastOnline > 0 ? "seen " + clock(lastOnline * 1000) : "never seen";
    }

    // ---- conversations -----------------------------------------------------------------

    function conversation(key, kind, target, title) {
        let c = conversations.get(key);
        if (!c) {
            c = {key: key, kind: kind, target: target, title: title, records: [], ids: new Set(), unread: 0,
                members: [], typingUntil: 0, row: null};
            conversations.set(key, c);
        }
        return c;
    }

    function userConversation(id) {
        const c = conversation("user:" + id, "user", Number(id), "Chat with " + nameOf(id));
        if (!c.row) {
            c.row = listRow($("chats"), "conv", c);
        }
        return c;
    }

    function listRow(list, className, c) {
        const row = document.createElement("li");
        row.className = className;
        row.dataset.key = c.key;
        const name = document.createElement("span");
        name.className = "name";
        name.textContent = c.kind === "room" ? c.target : nameOf(c.target);
        const unread = document.createElement("span");
        unread.className = "unread";
        unread.hidden = true;
        row.append(name, unread);
        row.addEventListener("click", () => openConversation(c));
        list.append(row);
        return row;
    }

    function openConversation(c) {
        open = c;
        c.unread = 0;
        showUnread(c);
        document.querySelectorAll("aside li.open").forEach(li => li.classList.remove("open"));
        if (c.row) {
            c.row.classList.add("open");
        }
        $("conversation").dataset.key = c.key;
        $("conversation-title").textContent = c.kind === "room" ? "Room " + c.target : "Chat with " + nameOf(c.target);
        $("room-leave").hidden = c.kind !== "room";
        $("members-box").hidden = c.kind !== "room";
        $("compose-text").disabled = false;
        $("compose-send").disabled = false;
        const list = $("messages");
        list.replaceChildren(...c.records.map(render));
        list.scrollTop = list.scrollHeight;
        showMembers(c);
        showTyping();
        if (c.kind === "room") {
            refreshRoom(c);
        }
        $("compose-text").focus();
    }

    function showUnread(c) {
        if (!c.row) {
            return;
        }
        const badge = c.row.querySelector(".unread");
        badge.textContent = String(c.unread);
        badge.hidden = c.unread === 0;
    }

    /**
     * Adds a message once: a body id already shown in this conversation is dropped (history
     * replays, a reconnect, our own room messages coming back). Kept in time order.
     */
    function addMessage(c, record) {
        if (record.id) {
            if (c.ids.has(record.id)) {
                return null;
            }
            c.ids.add(record.id);
        }
        let at = c.records.length;
        while (at > 0 && c.records[at - 1].time > record.time) {
            at--;
        }
        c.records.splice(at, 0, record);
        if (open === c) {
            const list = $("messages");
            const follow = list.scrollTop + list.clientHeight >= list.scrollHeight - 20;
            list.insertBefore(render(record), list.children[at] || null);
            if (c.records.length > MAX_KEPT) {
                list.firstElementChild.remove();
            }
            if (follow || record.mine) {
                list.scrollTop = list.scrollHeight;
            }
        } else if (!record.mine && !record.history) {
            c.unread++;
            showUnread(c);
        }
        if (c.records.length > MAX_KEPT) {
            const oldest = c.records.shift();
            c.ids.delete(oldest.id); // a replay of it, if ever, is again older than all: dropped again
        }
        if (!open) {
            openConversation(c);
        }
        return record;
    }

    function render(record) {
        const item = document.createElement("li");
        item.className = "message" + (record.mine ? " mine" : "") + (record.system ? " system" : "");
        if (record.id) {
            item.dataset.id = record.id;
        }
        item.dataset.from = String(record.from);
        const text = document.createElement("span");
        text.className = "text";
        text.textContent = record.text;
        const meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = record.sender + " · " + clock(record.time) + (record.queued ? " · while you were away" : "");
        item.append(text, meta);
        if (record.mine) {
            const receipt = document.createElement("span");
            receipt.className = "receipt";
            meta.append(receipt);
            record.receiptEl = receipt;
            showReceipt(record);
        }
        return item;
    }

    const RECEIPTS = {sending: "…", sent: "✓", delivered: "✓", queued: "⏳ queued", read: "✓✓", failed: "✗ not sent"};

    function showReceipt(record) {
        if (record.receiptEl) {
            record.receiptEl.dataset.status = record.status;
            record.receiptEl.textContent = RECEIPTS[record.status] || "";
            record.receiptEl.title = record.status + (record.error ? ": " + record.error : "");
        }
    }

    function setStatus(record, status, error) {
        // A receipt from the peer's page ("read") is never downgraded by a late send answer.
        if (record.status !== "read") {
            record.status = status;
        }
        record.error = error;
        showReceipt(record);
    }

    // ---- incoming ----------------------------------------------------------------------

    function onPrivate(frame) {
        const body = CometClient.body(frame);
        const from = Number(body.from) > 0 ? Number(body.from) : Number(frame.user_id) > 0 ? Number(frame.user_id) : 0;
        if (from === 0) {
            showError("comet: " + String(body.text === undefined ? "" : body.text));
            return;
        }
        if (typeof body.nick === "string" && body.nick !== "") {
            nicks.set(String(from), body.nick);
        }
        const c = userConversation(from);
        const kind = body.kind || "";
        if (kind === "typing" || kind === "paused" || kind === "stopped") {
            c.typingUntil = kind === "typing" ? Date.now() + TYPING_SHOWN_MS : 0;
            showTyping();
            setTimeout(showTyping, TYPING_SHOWN_MS + 100);
            return;
        }
        if (kind === "receipt") {
            const record = c.records.find(r => r.mine && r.id === body.ref);
            if (record) {
                setStatus(record, "read");
            }
            return;
        }
        if (kind !== "" && kind !== "attention") {
            return; // subjects and unknown kinds mean nothing in a 1:1 chat
        }
        c.typingUntil = 0;
        showTyping();
        const text = kind === "attention" ? "⚡ attention" + (body.text ? ": " + String(body.text) : "")
            : String(body.text === undefined ? "" : body.text);
        addMessage(c, {id: body.id ? String(body.id) : "", from: from, sender: nameOf(from), text: text,
            time: sentAt(body.ts, Date.now()), mine: false, queued: frame.fromQueue === true});
        if (body.id) {
            api("send", {to: from, event: "receipt", body: {kind: "receipt", ref: String(body.id)}}).catch(() => {});
        }
    }

    function showTyping() {
        const c = open;
        const on = c && c.kind === "user" && c.typingUntil > Date.now();
        $("typing").textContent = on ? nameOf(c.target) + " is typing…" : "";
        $("typing").dataset.user = on ? String(c.target) : "";
    }

    // ---- rooms -------------------------------------------------------------------------

    function joinRoom(pipe, save) {
        if (!/^[A-Za-z0-9_-]{3,64}$/.test(pipe) || /^(msg|sys|_.*|user_status_.*)$/.test(pipe)) {
            showError("A room is a pipe name: 3 to 64 of A-Z a-z 0-9 _ - (not msg, sys, _…, user_status_…).");
            return null;
        }
        const key = "room:" + pipe;
        if (conversations.has(key)) {
            return conversations.get(key);
        }
        const c = conversation(key, "room", pipe, "Room " + pipe);
        c.row = listRow($("rooms"), "room", c);
        c.row.dataset.room = pipe;
        c.handler = frame => onRoomFrame(c, frame, false);
        comet.on(pipe, c.handler);
        comet.subscribe(pipe);
        if (save) {
            store("rooms", Array.from(conversations.values()).filter(r => r.kind === "room").map(r => r.target));
        }
        // The first room call gives the pipe its history setting: sends wait for it, or the first
        // messages of a new room would not be kept.
        c.ready = refreshRoom(c);
        return c;
    }

    $("room-form").addEventListener("submit", event => {
        event.preventDefault();
        const c = joinRoom($("room-name").value.trim(), true);
        if (c) {
            showError("");
            $("room-name").value = "";
            openConversation(c);
        }
    });

    $("room-leave").addEventListener("click", () => {
        const c = open;
        if (!c || c.kind !== "room") {
            return;
        }
        comet.off(c.target, c.handler);
        comet.unsubscribe(c.target);
        conversations.delete(c.key);
        c.row.remove();
        store("rooms", Array.from(conversations.values()).filter(r => r.kind === "room").map(r => r.target));
        open = null;
        $("conversation").dataset.key = "";
        $("conversation-title").textContent = "No conversation open";
        $("room-leave").hidden = true;
        $("members-box").hidden = true;
        $("messages").replaceChildren();
        $("compose-text").disabled = true;
        $("compose-send").disabled = true;
    });

    /** Members and kept history (with times); history merges through the same de-duplication. */
    async function refreshRoom(c) {
        try {
            const answer = await api("room", {pipe: c.target});
            answer.history.forEach(h => onRoomFrame(c, {pipe: c.target, event: h.event, data: h.data,
                user_id: h.user, message_send_time: h.time, historyId: h.id}, true));
            c.members = answer.members;
            showMembers(c);
        } catch (e) {
            showError("room " + c.target + ": " + e.message);
        }
    }

    function showMembers(c) {
        if (open !== c || c.kind !== "room") {
            return;
        }
        $("members").replaceChildren(...c.members.map(id => {
            const item = document.createElement("li");
            item.className = "member";
            item.dataset.user = String(id);
            item.textContent = nameOf(id);
            return item;
        }));
    }

    function onRoomFrame(c, frame, history) {
        const body = CometClient.body(frame);
        const kind = body.kind || "";
        // Any WebSocket client, signed in or not, may write a web_ pipe with any body: there only
        // the server's user_id says who sent it. Elsewhere only the site (CometQL, the bridge) and
        // this API (from forced) write, so body.from is theirs to set.
        const openPipe = String(c.target).startsWith("web_");
        const from = Number(frame.user_id) > 0 ? Number(frame.user_id)
            : !openPipe && Number(body.from) > 0 ? Number(body.from) : 0;
        if (from > 0 && typeof body.nick === "string" && body.nick !== "") {
            nicks.set(String(from), body.nick);
        }
        if (kind !== "" && kind !== "subject") {
            return; // chat states and receipts are not shown in rooms
        }
        const sender = typeof body.nick === "string" && body.nick !== "" ? body.nick
            : from > 0 ? "#" + from : openPipe ? "anonymous" : "comet";
        const text = String(body.text === undefined ? "" : body.text);
        const time = sentAt(body.ts, sentAt(Number(frame.message_send_time) * 1000, Date.now()));
        addMessage(c, {id: body.id ? String(body.id) : frame.historyId ? "h:" + frame.historyId : "",
            from: from, sender: sender, text: kind === "subject" || frame.event === "subject" ? "subject: " + text : text,
            time: time, mine: from === session.user, status: "sent", history: history});
    }

    // ---- sending -----------------------------------------------------------------------

    $("compose").addEventListener("submit", event => {
        event.preventDefault();
        const text = $("compose-text").value;
        if (!open || text.trim() === "") {
            return;
        }
        $("compose-text").value = "";
        stopTyping(false);
        const id = "w" + session.user + "-" + Date.now().toString(36) + "-" + (++sent);
        const body = {text: text, id: id, ts: Date.now()};
        if (session.nick) {
            body.nick = session.nick;
        }
        const c = open;
        const record = addMessage(c, {id: id, from: session.user, sender: session.nick || "me", text: text,
            time: body.ts, mine: true, status: "sending"});
        const request = c.kind === "room" ? {pipe: c.target, event: "message", body: body}
            : {to: c.target, event: "message", body: body};
        (c.ready || Promise.resolve()).then(() => api("send", request)).then(answer => {
            setStatus(record, c.kind === "room" ? "sent" : answer.delivered > 0 ? "delivered"
                : answer.queued ? "queued" : "failed");
        }, e => {
            setStatus(record, "failed", e.message);
            showError("not sent: " + e.message);
        });
    });

    $("compose-text").addEventListener("input", () => {
        if (!open || open.kind !== "user") {
            return;
        }
        if (!typing.sent) {
            typing.sent = true;
            chatState(open.target, "typing");
        }
        clearTimeout(typing.timer);
        typing.timer = setTimeout(() => stopTyping(true), TYPING_IDLE_MS);
    });

    function stopTyping(paused) {
        clearTimeout(typing.timer);
        if (typing.sent && paused && open && open.kind === "user") {
            chatState(open.target, "paused");
        }
        typing.sent = false;
    }

    function chatState(to, kind) {
        api("send", {to: to, event: "typing", body: {kind: kind}}).catch(() => {});
    }

    $("chat-form").addEventListener("submit", event => {
        event.preventDefault();
        const id = $("chat-to").value.trim();
        if (!/^[1-9][0-9]{0,8}$/.test(id)) {
            showError("A chat partner is a user id (1 to 9 digits).");
            return;
        }
        showError("");
        $("chat-to").value = "";
        openConversation(userConversation(Number(id)));
    });

    // ---- start -------------------------------------------------------------------------

    // Leaving the page closes the socket at once, so the user goes offline (and private messages
    // get queued) now, and a page kept in the back-forward cache holds no connection.
    window.addEventListener("pagehide", () => comet && comet.close());
    window.addEventListener("pageshow", event => event.persisted && comet && comet.connect());

    try {
        const saved = JSON.parse(sessionStorage.getItem(SESSION) || "null");
        if (saved && saved.key) {
            signIn(saved);
        }
    } catch (e) {
        sessionStorage.removeItem(SESSION);
    }
})();
