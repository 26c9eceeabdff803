package org.spectrumcomet.comet.ws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.PublishReceipt;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.engine.SubscriberInfo;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the client → server commands of the CppComet protocol (spec §I.4.4):
 * {@code <command>\n<argument lines>}. Called on the blocking executor, one command of a
 * connection at a time and after the connection was attached. An unknown command gets an error
 * frame and closes the connection, as in CppComet (which closes without telling why).
 */
final class CometCommands {

    private static final Logger LOG = LoggerFactory.getLogger(CometCommands.class);
    private static final int MAX_LOG = 99;

    private final CometEngine engine;
    private final CometMetrics metrics;

    CometCommands(CometEngine engine) {
        this(engine, CometMetrics.unscraped());
    }

    CometCommands(CometEngine engine, CometMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    void run(CometSocketConnection client, String payload) {
        Session session = client.session();
        if (session == null || !client.active()) {
            return; // refused at connect (unknown tenant) or already gone
        }
        int newline = payload.indexOf('\n');
        String command = (newline < 0 ? payload : payload.substring(0, newline)).strip();
        String argument = newline < 0 ? "" : payload.substring(newline + 1);
        String[] lines = argument.split("\n", -1);
        LOG.debug("tenant {} user {}: command {}", session.tenant(), session.userId(), command);
        switch (command) {
            case "subscription" -> subscription(client, session, argument);
            case "web_pipe2" -> webPipe(client, session, argument);
            case "pipe_count" -> pipeCount(client, session, line(lines, 0), line(lines, 1));
            case "pipe_log" -> pipeLog(client, session, line(lines, 0), line(lines, 1));
            case "track_pipe_users" -> trackPipeUsers(client, session, line(lines, 0), line(lines, 1));
            case "user_status" -> userStatus(client, session, line(lines, 0));
            case "user_data" -> userData(client, line(lines, 0), line(lines, 1));
            case "statistics", "cgi_call", "CometQL_call" -> { } // accepted, ignored (as CppComet)
            default -> client.fail(400, "unknown command '" + abbreviate(command) + "'");
        }
    }

    private void subscription(CometSocketConnection client, Session session, String argument) {
        try {
            SubscriptionList list = SubscriptionList.parse(argument, session.authorized());
            if (list.notice() != null) {
                client.send(client.frames().error(403, list.notice(), false));
            }
            engine.subscribe(session, list.pipes());
        } catch (SubscriptionList.Refused e) {
            client.send(client.frames().error(403, e.getMessage(), false));
            client.close(1008, e.getMessage());
        }
    }

    private void webPipe(CometSocketConnection client, Session session, String argument) {
        WebPipeMessage message;
        try {
            message = WebPipeMessage.parse(argument, session.authorized());
        } catch (WebPipeMessage.Refused e) {
            client.send(client.frames().error(403, e.getMessage(), false));
            return;
        }
        long sender = message.anonymousSender() ? 0 : session.userId();
        PublishReceipt receipt = engine.publish(session.tenant(), message.pipe(), message.event(),
                message.text(), sender, session);
        metrics.received(Inbound.WEB_PIPE2);
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("number_messages", receipt.delivered());
        ack.put("error", "");
        client.send(client.frames().answer("_answer_to_" + message.requested(), "answer", ack, null));
    }

    private void pipeCount(CometSocketConnection client, Session session, String pipe, String marker) {
        if (!(pipe.startsWith("web_") || pipe.startsWith("track_")) || !validPipe(pipe)) {
            client.send(client.frames().error(403, "pipe_count works only for web_ and track_ pipes", false));
            return;
        }
        int count = engine.subscriberCount(session.tenant(), pipe);
        client.send(client.frames().answer("_answer_pipe_count", "user_in_pipe", List.of("user_in_pipe", count), marker));
    }

    private void pipeLog(CometSocketConnection client, Session session, String pipe, String marker) {
        if (!validPipe(pipe) || (pipe.startsWith(SubscriptionList.PRIVATE_PREFIX) && !session.authorized())) {
            client.send(client.frames().error(403, "pipe_log: invalid or forbidden pipe name", false));
            return;
        }
        for (PipeMessage m : engine.history(session.tenant(), pipe, MAX_LOG)) {
            String event = m.event().isEmpty() ? "undefined" : m.event();
            CometEvent replay = new CometEvent(pipe, event, m.text(), m.time(), m.userId(), true);
            if (!client.send(client.frames().history(replay, marker))) {
                return;
            }
        }
    }

    private void trackPipeUsers(CometSocketConnection client, Session session, String pipe, String marker) {
        if (!pipe.startsWith("track_") || !validPipe(pipe)) {
            client.send(client.frames().error(403, "track_pipe_users works only for track_ pipes", false));
            return;
        }
        List<Map<String, Object>> users = new ArrayList<>();
        for (SubscriberInfo s : engine.subscribers(session.tenant(), pipe)) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("user_id", s.userId());
            user.put("uuid", s.uuid());
            users.add(user);
        }
        client.send(client.frames().answer("_answer", "answer", users, marker));
    }

    /** Seconds since the user was last seen, as CppComet computes it: now − stored time. */
    private void userStatus(CometSocketConnection client, Session session, String id) {
        long userId = userId(id);
        if (userId <= 0) {
            client.send(client.frames().error(400, "user_status needs a user id", false));
            return;
        }
        long stored = engine.lastOnline(session.tenant(), userId);
        long value = stored < 0 ? -1 : CometFrames.now() - stored;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("data", value);
        data.put("last_online_time", value);
        client.send(client.frames().answer("_answer_user_status", "user_status_" + userId, data, null));
    }

    /** We keep no users_data: the answer always carries empty user data. */
    private void userData(CometSocketConnection client, String marker, String id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_data", "");
        data.put("user_id", Math.max(0, userId(id)));
        client.send(client.frames().answer("_answer", "answer", data, marker));
    }

    private static boolean validPipe(String pipe) {
        return pipe.length() >= 2 && pipe.length() <= Names.MAX_PIPE_NAME
                && Names.NAME_ALPHABET.matcher(pipe).matches();
    }

    private static long userId(String text) {
        return text.matches("\\d{1,9}") ? Long.parseLong(text) : -1;
    }

    private static String line(String[] lines, int index) {
        return index < lines.length ? lines[index].strip() : "";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
