package org.spectrumcomet.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The echo handlers against a recording outbound API (no network): login rules, echo and ACK
 * order, join order. The wire-level behaviour is covered by the conformance suites.
 */
class EchoBackendTest {

    private record Call(String method, List<Object> args) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final MainInstance main = (MainInstance) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MainInstance.class}, (proxy, method, args) -> {
                calls.add(new Call(method.getName(), args == null ? List.of() : Arrays.asList(args)));
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });
    private final Handlers handlers = EchoBackend.handlers(main);

    private void login(String legacyName, String password) {
        handlers.session().orElseThrow().login(Protocol.Login.newBuilder().setUser("u@localhost")
                .setLegacyName(legacyName).setPassword(password).build());
    }

    private List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    @Test
    void goodCredentialsGetTheRosterThenConnected() {
        login("u", "secret");
        assertThat(methods()).containsExactly("buddyChanged", "buddyChanged", "buddyChanged", "connected");
    }

    @Test
    void failingCredentialsGetTheirErrors() {
        login("u", EchoRules.BAD_PASSWORD);
        login(EchoRules.INVALID_NAME, "x");
        assertThat(calls).extracting(c -> c.args().get(1))
                .containsExactly(ConnectionError.AUTHENTICATION_FAILED, ConnectionError.INVALID_USERNAME);
    }

    @Test
    void aOneTimeNetworkErrorHappensOncePerUser() {
        login(EchoRules.NETWORK_ERROR_ONCE, "x");
        login(EchoRules.NETWORK_ERROR_ONCE, "x");
        assertThat(methods()).startsWith("disconnected").endsWith("connected");
    }

    @Test
    void aMessageWithAnIdIsAcknowledgedBeforeTheEcho() {
        handlers.messages().orElseThrow().message(Protocol.ConversationMessage.newBuilder().setUserName("u@localhost")
                .setBuddyName("alice").setMessage("hi").setId("m1").build());
        assertThat(methods()).containsExactly("messageAck", "message");
        assertThat(calls.get(0).args()).containsExactly("u@localhost", "alice", "m1");
    }

    @Test
    void aJoinAnnouncesOccupantsThenSelfThenSubjectThenHistory() {
        handlers.rooms().orElseThrow().joinRoom(Protocol.Room.newBuilder().setUserName("u@localhost").setRoom("#r")
                .setNickname("me").build());
        assertThat(methods()).containsExactly("participantChanged", "participantChanged", "participantChanged",
                "roomSubject", "message", "message");
    }

    @Test
    void theUsersSubjectIsShownBackUnderTheOwnNickAndBotPrefixedOnesComeFromTheBot() {
        handlers.rooms().orElseThrow().joinRoom(Protocol.Room.newBuilder().setUserName("u@localhost").setRoom("#r")
                .setNickname("me").build());
        calls.clear();
        handlers.rooms().orElseThrow().subjectChanged(Protocol.ConversationMessage.newBuilder()
                .setUserName("u@localhost").setBuddyName("#r").setMessage("topic").build());
        handlers.rooms().orElseThrow().subjectChanged(Protocol.ConversationMessage.newBuilder()
                .setUserName("u@localhost").setBuddyName("#r").setMessage("bot: theirs").build());
        handlers.rooms().orElseThrow().subjectChanged(Protocol.ConversationMessage.newBuilder()
                .setUserName("u@localhost").setBuddyName("#unjoined").setMessage("x").build());

        assertThat(methods()).containsExactly("roomSubject", "roomSubject");
        assertThat(calls.get(0).args()).containsExactly("u@localhost", "#r", "topic", "me");
        assertThat(calls.get(1).args()).containsExactly("u@localhost", "#r", "theirs", "echo-bot");
    }
}
