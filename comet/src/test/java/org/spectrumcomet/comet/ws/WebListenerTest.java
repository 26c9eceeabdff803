package org.spectrumcomet.comet.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.auth.HmacUserKey;
import org.spectrumcomet.comet.auth.JwtUserKey;

/** The CppComet WebSocket protocol end to end: JDK WebSocket client ↔ WebListener ↔ real engine. */
class WebListenerTest {

    private WebFixture fx;
    private final List<FrameClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fx = new WebFixture();
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(FrameClient::close);
        fx.close();
    }

    private FrameClient connect(String key, long userId, String devId, String uuid) {
        FrameClient client = fx.comet(key, userId, devId, uuid);
        clients.add(client);
        return client;
    }

    /** Waits until every command sent before has run (commands of a connection run in order). */
    private static void sync(FrameClient client) throws Exception {
        client.send("pipe_count\nweb_sync\nsync-marker\n");
        client.until(f -> f.path("pipe").asText().equals("_answer_pipe_count")
                && f.path("marker").asText().equals("sync-marker"));
    }

    private FrameClient subscribed(long userId, String key, String uuid, String pipes) throws Exception {
        FrameClient client = connect(key, userId, "0", uuid);
        client.next(); // serverInfo
        client.send("subscription\n" + pipes);
        sync(client);
        return client;
    }

    @Test
    void anonymousServerInfoHasCppCometShape() throws Exception {
        FrameClient client = connect("", 0, "0", "u1");
        String text = client.nextText();
        assertThat(text).startsWith("{\"authorized\":false,\"data\":\"\",\"event\":\"serverInfo\",\"message_send_time\":");
        JsonNode frame = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        assertThat(frame.get("pipe").asText()).isEqualTo("sys");
        assertThat(frame.get("server").asText()).startsWith("spectrum-comet ").endsWith("(CppComet-compatible)");
        assertThat(frame.get("message_send_time").asLong()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        assertThat(text).endsWith("\"pipe\":\"sys\",\"server\":\"" + WebListener.SERVER + "\"}");
    }

    @Test
    void usersAuthKeyAuthorises() throws Exception {
        fx.engine.setUserKey("0", 7, "hash7secret");
        JsonNode info = connect("hash7secret", 7, "0", "a").next();
        assertThat(info.get("authorized").asBoolean()).isTrue();
        assertThat(info.get("data").asText()).isEqualTo("hash7secret");
    }

    @Test
    void wrongUsersAuthKeyStaysAnonymousAndOpen() throws Exception {
        fx.engine.setUserKey("0", 7, "hash7secret");
        FrameClient client = connect("wrong", 7, "0", "a");
        JsonNode info = client.next();
        assertThat(info.get("authorized").asBoolean()).isFalse();
        assertThat(info.get("data").asText()).isEmpty();
        sync(client); // still open and answering
    }

    @Test
    void hmacKeyAuthorisesWithoutUsersAuthRow() throws Exception {
        assertThat(connect(HmacUserKey.of(WebFixture.KEY0, 8), 8, "0", "a").next().get("authorized").asBoolean()).isTrue();
        assertThat(connect(HmacUserKey.of(WebFixture.KEY0, 8), 9, "0", "b").next().get("authorized").asBoolean()).isFalse();
        assertThat(connect(HmacUserKey.of(WebFixture.KEY5, 8), 8, "0", "c").next().get("authorized").asBoolean()).isFalse();
    }

    @Test
    void jwtAuthorisesAndBadTokensStayAnonymous() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        String good = JwtUserKey.issue(WebFixture.KEY0, 11, later);
        String cppCometForm = JwtUserKey.issue(WebFixture.KEY0 + "0", 11, later);
        String expired = JwtUserKey.issue(WebFixture.KEY0, 11, Instant.now().minusSeconds(60));
        String otherTenant = JwtUserKey.issue(WebFixture.KEY5, 11, later);
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        assertThat(connect(good, 11, "0", "a").next().get("authorized").asBoolean()).isTrue();
        assertThat(connect(cppCometForm, 11, "0", "b").next().get("authorized").asBoolean()).isTrue();
        assertThat(connect(good, 12, "0", "c").next().get("authorized").asBoolean()).isFalse();
        assertThat(connect(expired, 11, "0", "d").next().get("authorized").asBoolean()).isFalse();
        assertThat(connect(otherTenant, 11, "0", "e").next().get("authorized").asBoolean()).isFalse();
        assertThat(connect(forged, 11, "0", "f").next().get("authorized").asBoolean()).isFalse();
        assertThat(connect(otherTenant, 11, "5", "g").next().get("authorized").asBoolean()).isTrue();
    }

    @Test
    void publishedTextArrivesByteExactAsJsonString() throws Exception {
        FrameClient client = subscribed(0, "", "a", "p10\nother");
        String text = "{\"text\":\"say \\\"hi\\\" \\\\ back\",\"n\":2} it's 😀 \\n";
        fx.engine.publish("0", "p10", "ev1", text, 0, null);
        String raw = client.nextText();
        JsonNode frame = new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw);
        assertThat(frame.get("data").isTextual()).isTrue();
        assertThat(frame.get("data").asText()).isEqualTo(text);
        assertThat(raw).startsWith("{\"data\":\"").contains("\"event\":\"ev1\"", "\"pipe\":\"p10\"", "\"message_send_time\":");
        assertThat(raw).doesNotContain("fromQueue");
    }

    @Test
    void otherTenantDoesNotSeePipeMessages() throws Exception {
        FrameClient five = connect("", 0, "5", "x");
        five.next();
        five.send("subscription\np10");
        sync(five);
        fx.engine.publish("0", "p10", "ev", "for tenant 0", 0, null);
        five.expectSilence(Duration.ofMillis(200));
    }

    @Test
    void privateMessageReachesEveryDeviceOfTheUser() throws Exception {
        fx.engine.setUserKey("0", 7, "k7");
        FrameClient phone = connect("k7", 7, "0", "phone");
        FrameClient laptop = connect("k7", 7, "0", "laptop");
        phone.next();
        laptop.next();
        sync(phone);
        sync(laptop);
        fx.engine.sendToUser("0", 7, "ev_private", "private \"hello\"");
        for (FrameClient device : List.of(phone, laptop)) {
            JsonNode frame = device.until(f -> f.path("pipe").asText().equals("msg"));
            assertThat(frame.get("data").asText()).isEqualTo("private \"hello\"");
            assertThat(frame.get("event").asText()).isEqualTo("ev_private");
        }
    }

    @Test
    void queuedMessageIsDeliveredOnConnectExactlyOnce() throws Exception {
        fx.engine.setUserKey("0", 7, "k7");
        fx.engine.sendToUser("0", 7, "queued_ev", "sent while offline");
        FrameClient first = connect("k7", 7, "0", "a");
        assertThat(first.next().get("event").asText()).isEqualTo("serverInfo");
        JsonNode queued = first.next();
        assertThat(queued.get("pipe").asText()).isEqualTo("msg");
        assertThat(queued.get("fromQueue").asBoolean()).isTrue();
        assertThat(queued.get("data").asText()).isEqualTo("sent while offline");
        first.close();
        FrameClient second = connect("k7", 7, "0", "b");
        second.next();
        sync(second);
        assertThat(second.all).noneMatch(f -> f.contains("sent while offline"));
    }

    @Test
    void presenceEventsOnUserStatusPipe() throws Exception {
        FrameClient watcher = subscribed(0, "", "w", "user_status_7");
        fx.engine.setUserKey("0", 7, "k7");
        FrameClient seven = connect("k7", 7, "0", "s");
        seven.next();
        String online = watcher.nextText();
        assertThat(online).isEqualTo("{\"data\":\"online\",\"event\":\"online\",\"pipe\":\"user_status_7\"}");
        seven.close();
        assertThat(watcher.nextText()).isEqualTo("{\"data\":\"offline\",\"event\":\"offline\",\"pipe\":\"user_status_7\"}");
    }

    @Test
    void trackPipeAnnouncesJoinsAndListsUsers() throws Exception {
        FrameClient first = subscribed(0, "", "first-uuid", "track_room");
        fx.engine.setUserKey("0", 3, "k3");
        FrameClient second = subscribed(3, "k3", "second-uuid", "track_room");
        JsonNode join = first.until(f -> f.path("pipe").asText().equals("track_room"));
        assertThat(join.get("event").asText()).isEqualTo("subscription");
        assertThat(join.get("data").get("user_id").asLong()).isEqualTo(3);
        assertThat(join.get("data").get("uuid").asText()).isEqualTo("second-uuid");
        second.send("track_pipe_users\ntrack_room\nm1");
        JsonNode list = second.until(f -> f.path("pipe").asText().equals("_answer"));
        assertThat(list.get("marker").asText()).isEqualTo("m1");
        assertThat(list.get("data")).hasSize(2);
    }

    @Test
    void webPipe2RelaysToOthersNotToSenderAndAcks() throws Exception {
        fx.engine.setUserKey("0", 4, "k4");
        FrameClient sender = subscribed(4, "k4", "s", "web_chat");
        FrameClient other = subscribed(0, "", "o", "web_chat");
        String body = "{\"text\":\"it's \\\"quoted\\\"\\n\"}";
        sender.send("web_pipe2\nweb_chat\nmy_event\n*\n" + body);
        JsonNode got = other.until(f -> f.path("pipe").asText().equals("web_chat"));
        assertThat(got.get("data").asText()).isEqualTo(body);
        assertThat(got.get("user_id").asLong()).isEqualTo(4);
        assertThat(got.get("event").asText()).isEqualTo("my_event");
        JsonNode ack = sender.next();
        assertThat(ack.get("pipe").asText()).isEqualTo("_answer_to_web_chat");
        assertThat(ack.get("data").get("number_messages").asInt()).isEqualTo(1);
        sync(sender);
        assertThat(sender.all).noneMatch(f -> f.contains("my_event"));
    }

    @Test
    void webPipe2RefusesOtherPipesAndAnonymousWebauth() throws Exception {
        FrameClient client = subscribed(0, "", "s", "x1");
        client.send("web_pipe2\nchat\nev\n*\nhi");
        assertThat(client.next().get("data").get("error").asText()).isEqualTo(WebPipeMessage.INVALID_PIPE);
        client.send("web_pipe2\nwebauth_x\nev\n*\nhi");
        assertThat(client.next().get("data").get("error").asText()).contains("authorised");
        sync(client);
    }

    @Test
    void pipeCountCountsSubscribers() throws Exception {
        subscribed(0, "", "a", "web_room");
        FrameClient b = subscribed(0, "", "b", "web_room");
        b.send("pipe_count\nweb_room\nmk\n");
        String raw = b.nextText();
        assertThat(raw).contains("\"data\":[\"user_in_pipe\",2]", "\"marker\":\"mk\"", "\"event\":\"user_in_pipe\"",
                "\"pipe\":\"_answer_pipe_count\"");
        b.send("pipe_count\nplain_room\nmk\n");
        assertThat(b.next().get("event").asText()).isEqualTo("error");
    }

    @Test
    void pipeLogReplaysHistoryWithMarker() throws Exception {
        fx.engine.setHistoryLength("0", "hist_pipe", 10);
        fx.engine.publish("0", "hist_pipe", "e1", "first", 0, null);
        fx.engine.publish("0", "hist_pipe", "e2", "second", 0, null);
        FrameClient client = subscribed(0, "", "a", "x1");
        client.send("pipe_log\nhist_pipe\nlog-marker\n");
        JsonNode one = client.next();
        JsonNode two = client.next();
        assertThat(one.get("data").asText()).isEqualTo("first");
        assertThat(two.get("data").asText()).isEqualTo("second");
        for (JsonNode frame : List.of(one, two)) {
            assertThat(frame.get("fromQueue").asBoolean()).isTrue();
            assertThat(frame.get("history").asBoolean()).isTrue();
            assertThat(frame.get("marker").asText()).isEqualTo("log-marker");
            assertThat(frame.get("user_id").asLong()).isZero();
            assertThat(frame.get("pipe").asText()).isEqualTo("hist_pipe");
        }
    }

    @Test
    void anonymousPrivatePipeIsSkippedButLaterNamesKept() throws Exception {
        FrameClient client = connect("", 0, "0", "a");
        client.next();
        client.send("subscription\nprivate_x\nlater_pipe");
        JsonNode notice = client.next();
        assertThat(notice.get("event").asText()).isEqualTo("error");
        assertThat(notice.get("data").get("error").asText()).contains("private_x");
        sync(client);
        fx.engine.publish("0", "private_x", "ev", "secret", 0, null);
        fx.engine.publish("0", "later_pipe", "ev", "public", 0, null);
        assertThat(client.until(f -> f.path("pipe").asText().equals("later_pipe")).get("data").asText()).isEqualTo("public");
        assertThat(client.all).noneMatch(f -> f.contains("secret"));
    }

    @Test
    void tooLongPipeNameClosesWithReason() throws Exception {
        FrameClient client = connect("", 0, "0", "a");
        client.next();
        client.send("subscription\n" + "p".repeat(64));
        assertThat(client.next().get("data").get("error").asText()).isEqualTo("Channel name is too long");
        assertThat(client.closeCode()).startsWith("1008 Channel name is too long");
    }

    @Test
    void unknownCommandGetsErrorThenClose() throws Exception {
        FrameClient client = connect("", 0, "0", "a");
        client.next();
        client.send("make_coffee\nnow");
        assertThat(client.next().get("data").get("error").asText()).contains("unknown command 'make_coffee'");
        assertThat(client.closeCode()).startsWith("1008 unknown command");
    }

    @Test
    void framesAbove64KiBAreSentWithLongLength() throws Exception {
        FrameClient client = subscribed(0, "", "a", "big_pipe");
        String text = "x".repeat(70_000) + "😀";
        fx.engine.publish("0", "big_pipe", "ev", text, 0, null);
        assertThat(client.next().get("data").asText()).isEqualTo(text);
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        FrameClient client = connect("", 0, "0", "a");
        client.next();
        client.socket.sendPing(ByteBuffer.wrap("are-you-there".getBytes(StandardCharsets.UTF_8))).join();
        ByteBuffer pong = client.pongs.poll(5, TimeUnit.SECONDS);
        assertThat(pong).isNotNull();
        assertThat(StandardCharsets.UTF_8.decode(pong).toString()).isEqualTo("are-you-there");
        sync(client);
    }

    @Test
    void malformedUrlsGetErrorFrameAndClose() throws Exception {
        FrameClient noKey = FrameClient.open(fx.http, fx.base() + "/ws/nothing");
        clients.add(noKey);
        JsonNode error = noKey.next();
        assertThat(error.get("event").asText()).isEqualTo("error");
        assertThat(error.get("data").get("code").asText()).isEqualTo("401");
        assertThat(error.get("data").get("error").asText()).isEqualTo("session ID not found");
        assertThat(noKey.closeCode()).startsWith("1008");

        FrameClient noVersion = FrameClient.open(fx.http, fx.base() + "//comet-server/ws/sesion=&myid=&devid=0&v=&uuid=x");
        clients.add(noVersion);
        assertThat(noVersion.next().get("data").get("code").asText()).isEqualTo("418");
        assertThat(noVersion.closeCode()).startsWith("1008");
    }

    @Test
    void unknownTenantGetsErrorFrameAndClose() throws Exception {
        FrameClient client = connect("", 0, "9", "a");
        JsonNode error = client.next();
        assertThat(error.get("data").get("code").asText()).isEqualTo("404");
        assertThat(error.get("data").get("error").asText()).contains("unknown tenant '9'");
        assertThat(client.closeCode()).startsWith("1008");
    }

    @Test
    void echoesChatSubprotocolWhateverWasAsked() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fx.listener.localAddress().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws/sesion=&myid=0&devid=0&v=4.09&uuid=raw&api=js HTTP/1.1\r\nHost: x\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: whatever\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                assertThat(b).isNotNegative();
                head.append((char) b);
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 101 Switching Protocols")
                    .containsIgnoringCase("sec-websocket-protocol: chat")
                    .contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        }
    }

    @Test
    void messageAboveLimitClosesWith1009WholeOrFragmented() throws Exception {
        fx.close();
        fx = new WebFixture(WebFixture.settings(100, 1000, Duration.ofSeconds(30)));
        FrameClient client = connect("", 0, "0", "a");
        client.next();
        client.send("statistics\n" + "y".repeat(2000));
        assertThat(client.closeCode()).startsWith("1009");

        FrameClient fragmented = connect("", 0, "0", "b");
        fragmented.next();
        fragmented.socket.sendText("statistics\n" + "y".repeat(600), false).join();
        fragmented.socket.sendText("y".repeat(600), true).join();
        assertThat(fragmented.closeCode()).startsWith("1009 frame too big");
    }

    @Test
    void slowConsumerIsClosedAndRefusesDelivery() throws Exception {
        // A raw client with a tiny receive window that never reads after the handshake: the kernel
        // buffers fill, then the server's bounded outbound budget, whatever the load on the machine.
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(fx.listener.localAddress());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws/sesion=&myid=0&devid=0&v=4.09&uuid=slow&api=js HTTP/1.1\r\nHost: x\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) { // the 101; nothing is read after it
                int b = in.read();
                assertThat(b).isNotNegative();
                head.append((char) b);
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 101");
            out.write(maskedText("subscription\nflood"));
            out.flush();
            long subscribed = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (fx.engine.subscriberCount("0", "flood") == 0 && System.nanoTime() < subscribed) {
                Thread.sleep(5);
            }
            assertThat(fx.engine.subscriberCount("0", "flood")).isEqualTo(1);
            String chunk = "s".repeat(60_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int delivered = 1;
            while (delivered > 0 && System.nanoTime() < deadline) {
                delivered = fx.engine.publish("0", "flood", "ev", chunk, 0, null).delivered();
            }
            assertThat(delivered).isZero();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (fx.engine.subscriberCount("0", "flood") > 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(fx.engine.subscriberCount("0", "flood")).isZero();
        }
    }

    /** One masked client text frame (payload under 126 bytes), as RFC 6455 requires of clients. */
    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    @Test
    void userStatusAndUserDataAnswers() throws Exception {
        fx.engine.setUserKey("0", 7, "k7");
        FrameClient seven = connect("k7", 7, "0", "s");
        seven.next();
        sync(seven);
        FrameClient asker = subscribed(0, "", "a", "x1");
        asker.send("user_status\n7");
        JsonNode status = asker.next();
        assertThat(status.get("pipe").asText()).isEqualTo("_answer_user_status");
        assertThat(status.get("event").asText()).isEqualTo("user_status_7");
        assertThat(status.get("data").get("data").asLong()).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(5L)); // online: now - 0, as CppComet
        asker.send("user_status\n8");
        assertThat(asker.next().get("data").get("last_online_time").asLong()).isEqualTo(-1);
        asker.send("user_data\nud-marker\n7");
        JsonNode data = asker.next();
        assertThat(data.get("pipe").asText()).isEqualTo("_answer");
        assertThat(data.get("marker").asText()).isEqualTo("ud-marker");
        assertThat(data.get("data").toString()).isEqualTo("{\"user_data\":\"\",\"user_id\":7}");
    }

    @Test
    void separateHttpAddressServesTheJsonApi() throws Exception {
        fx.close();
        fx = new WebFixture(new WebSettings(new java.net.InetSocketAddress("127.0.0.1", 0),
                new java.net.InetSocketAddress("127.0.0.1", 0), 100, 65_535, Duration.ofSeconds(30)));
        assertThat(fx.listener.httpAddress().getPort()).isNotEqualTo(fx.listener.localAddress().getPort());
        assertThat(fx.post("/comet/Comet/Publish", "0", WebFixture.KEY0, "{\"uid\":3,\"evt\":1}").statusCode())
                .isEqualTo(200);
        assertThat(fx.engine.queue("0", 3)).hasSize(1);
    }

    @Test
    void deletingTheUserKeyClosesTheUsersConnections() throws Exception {
        fx.engine.setUserKey("0", 7, "k7");
        FrameClient seven = connect("k7", 7, "0", "s");
        seven.next();
        sync(seven);
        fx.engine.deleteUserKey("0", 7);
        assertThat(seven.closeCode()).startsWith("1000");
    }
}
