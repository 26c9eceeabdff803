package org.spectrumcomet.bench.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.protocol.pb.Protocol;

class NullBackendTest {

    /** Every call to the main as [method, args...]; message/connected return true. */
    private final List<Object[]> calls = new ArrayList<>();
    private final MainInstance main = (MainInstance) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MainInstance.class}, (proxy, method, args) -> {
                calls.add(new Object[] {method.getName(), args[0], args.length > 1 ? args[1] : null});
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });

    @Test
    void eachConversationMessageGetsTheSamePrebuiltReplyToItsUser() {
        Handlers handlers = NullBackend.handlers(main, false);

        handlers.messages().orElseThrow().message(message("a@localhost"));
        handlers.messages().orElseThrow().message(message("b@localhost"));

        assertThat(calls).extracting(c -> c[0] + " " + c[1]).containsExactly("message a@localhost", "message b@localhost");
        assertThat(calls.get(0)[2]).isNotNull().isSameAs(calls.get(1)[2]);
    }

    @Test
    void loginIsAnsweredWithConnected() {
        Handlers handlers = NullBackend.handlers(main, false);

        handlers.session().orElseThrow().login(Protocol.Login.newBuilder().setUser("a@localhost").setLegacyName("a").setPassword("").build());

        assertThat(calls).extracting(c -> c[0] + " " + c[1]).containsExactly("connected a@localhost");
    }

    @Test
    void silentHasNoMessageHandler() {
        assertThat(NullBackend.handlers(main, true).messages()).isEmpty();
    }

    private static Protocol.ConversationMessage message(String user) {
        return Protocol.ConversationMessage.newBuilder().setUserName(user).setBuddyName("buddy").setMessage("hi").build();
    }
}
