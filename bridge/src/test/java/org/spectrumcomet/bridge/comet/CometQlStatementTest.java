package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CometQlStatementTest {

    @Test
    void statementsUseTheShapesCppCometAccepts() {
        assertThat(CometQlStatement.publish("room1", "message", CometQlLiteral.ofText("hi")).text())
                .isEqualTo("INSERT INTO pipes_messages (name, event, message) VALUES ('room1', 'message', '\"hi\"')");
        assertThat(CometQlStatement.privateMessage(7, "message", CometQlLiteral.ofText("x")).text())
                .isEqualTo("INSERT INTO users_messages (id, event, message) VALUES (7, 'message', '\"x\"')");
        assertThat(CometQlStatement.presence(List.of(1L, 2L)).text())
                .isEqualTo("SELECT id, time FROM users_time WHERE id IN (1, 2)");
        assertThat(CometQlStatement.history("room1").text())
                .isEqualTo("SELECT * FROM pipes_messages WHERE name = 'room1'");
        assertThat(CometQlStatement.subscribers("room1").text())
                .isEqualTo("SELECT * FROM users_in_pipes WHERE name = 'room1'");
        assertThat(CometQlStatement.subscriberCounts(List.of("aaa", "bbb")).text())
                .isEqualTo("SELECT name, users FROM pipes WHERE name IN ('aaa', 'bbb')");
        assertThat(CometQlStatement.setUserKey(7, "k7").text())
                .isEqualTo("INSERT INTO users_auth (id, hash) VALUES (7, 'k7')");
        assertThat(CometQlStatement.historyLength("room1", 20).text())
                .isEqualTo("INSERT INTO pipes_settings (name, length) VALUES ('room1', 20)");
    }

    @Test
    void sizeLimitIsCheckedInUtf8Bytes() {
        String ok = "x".repeat(CometQlStatement.MAX_BYTES - 80);
        assertThat(CometQlStatement.publish("room1", "m", CometQlLiteral.ofText(ok)).bytes())
                .isLessThanOrEqualTo(CometQlStatement.MAX_BYTES);
        // 3000 'é' are 6000 bytes; 1600 '€' are 4800 bytes but the statement passes 9000 with 2 of them.
        assertThatThrownBy(() -> CometQlStatement.publish("room1", "m", CometQlLiteral.ofText("€".repeat(3000))))
                .isInstanceOf(CometQlException.TooLarge.class).hasMessageContaining("bytes");
        assertThat(CometQlStatement.of("x".repeat(8999)).bytes()).isEqualTo(8999);
        assertThatThrownBy(() -> CometQlStatement.of("x".repeat(9000))).isInstanceOf(CometQlException.TooLarge.class);
    }

    @Test
    void badNamesNeverReachAStatement() {
        assertThatThrownBy(() -> CometQlStatement.publish("a'); DELETE FROM users_auth WHERE id IN (1); --", "m",
                CometQlLiteral.ofText("x"))).isInstanceOf(CometNameException.class);
        assertThatThrownBy(() -> CometQlStatement.privateMessage(0, "m", "'x'")).isInstanceOf(CometNameException.class);
        assertThatThrownBy(() -> CometQlStatement.historyLength("room1", 100)).hasMessageContaining("0..99");
    }

    @Test
    void presenceTakesAtMostMaxIds() {
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < CometQlStatement.MAX_IDS; i++) {
            ids.add(2_000_000_000L + i);
        }
        assertThat(CometQlStatement.presence(ids).bytes()).isLessThan(CometQlStatement.MAX_BYTES);
        ids.add(5L);
        assertThatThrownBy(() -> CometQlStatement.presence(ids)).hasMessageContaining("1..500");
    }

    @Test
    void theByteCountMatchesTheUtf8Encoding() {
        for (String s : List.of("", "abc", "é", "€", "\ud83d\ude00", "\ud800", "x\udc00y", "\ud83dx", "a\u07ff\u0800\uffff")) {
            assertThat(CometQlStatement.utf8Length(s)).as(s).isEqualTo(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }
}
