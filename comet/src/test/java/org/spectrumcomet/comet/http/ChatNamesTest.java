package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

/** What the chat page's site calls accept as pipes, events and user ids. */
class ChatNamesTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void pipesAreCometQlNamesExceptReservedOnes() throws Exception {
        assertThat(ChatNames.pipe(F.textNode("demo_room"))).isEqualTo("demo_room");
        assertThat(ChatNames.pipe(F.textNode("x---23chat"))).isEqualTo("x---23chat");
        for (String bad : new String[] {"ab", "a".repeat(65), "a b", "room.event", "msg", "sys", "_answer_to_x",
                "user_status_7", "<img>"}) {
            assertThatThrownBy(() -> ChatNames.pipe(F.textNode(bad))).as(bad).isInstanceOf(CometApiCalls.BadRequest.class);
        }
        assertThatThrownBy(() -> ChatNames.pipe(F.numberNode(123))).hasMessageContaining("\"pipe\"");
    }

    @Test
    void eventDefaultsToMessage() throws Exception {
        assertThat(ChatNames.event(MissingNode.getInstance())).isEqualTo("message");
        assertThat(ChatNames.event(F.textNode("typing"))).isEqualTo("typing");
        assertThatThrownBy(() -> ChatNames.event(F.textNode(""))).isInstanceOf(CometApiCalls.BadRequest.class);
        assertThatThrownBy(() -> ChatNames.event(F.textNode("e".repeat(65)))).isInstanceOf(CometApiCalls.BadRequest.class);
    }

    @Test
    void userIdsAreOneToNineDigits() throws Exception {
        assertThat(ChatNames.user(F.numberNode(42), "to")).isEqualTo(42);
        assertThat(ChatNames.user(F.textNode("999999999"), "to")).isEqualTo(999_999_999L);
        for (var bad : new com.fasterxml.jackson.databind.JsonNode[] {F.numberNode(0), F.numberNode(-1),
                F.numberNode(1_000_000_000L), F.textNode("1e3"), F.numberNode(4.5), F.nullNode()}) {
            assertThatThrownBy(() -> ChatNames.user(bad, "\"to\"")).as(bad.toString())
                    .hasMessageStartingWith("\"to\" must be a user id");
        }
    }
}
