package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CometNamesTest {

    @Test
    void pipeNamesFollowTheCometQlRules() {
        assertThat(CometNames.requirePipe("abc")).isEqualTo("abc");
        assertThat(CometNames.requirePipe("web_Chat-1")).isEqualTo("web_Chat-1");
        assertThat(CometNames.requirePipe("x".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> CometNames.requirePipe("ab")).isInstanceOf(CometNameException.class)
                .hasMessageContaining("3..64");
        assertThatThrownBy(() -> CometNames.requirePipe("x".repeat(65))).hasMessageContaining("3..64");
        assertThatThrownBy(() -> CometNames.requirePipe("room.event")).hasMessageContaining("A-Za-z0-9_-");
        assertThatThrownBy(() -> CometNames.requirePipe("a'b;c")).hasMessageContaining("A-Za-z0-9_-");
        assertThatThrownBy(() -> CometNames.requirePipe("héllo")).hasMessageContaining("A-Za-z0-9_-");
        assertThatThrownBy(() -> CometNames.requirePipe(null)).hasMessageContaining("null");
    }

    @Test
    void eventNames() {
        assertThat(CometNames.requireEvent("m")).isEqualTo("m");
        assertThatThrownBy(() -> CometNames.requireEvent("")).isInstanceOf(CometNameException.class);
        assertThatThrownBy(() -> CometNames.requireEvent("e".repeat(65))).hasMessageContaining("1..64");
        assertThatThrownBy(() -> CometNames.requireEvent("a b")).hasMessageContaining("A-Za-z0-9_-");
    }

    @Test
    void userIds() {
        assertThat(CometNames.requireUserId(1)).isEqualTo(1);
        assertThat(CometNames.parseUserId("2147483647")).isEqualTo(2147483647L);
        assertThatThrownBy(() -> CometNames.requireUserId(0)).isInstanceOf(CometNameException.class);
        assertThatThrownBy(() -> CometNames.parseUserId("2147483648")).hasMessageContaining("1..2147483647");
        assertThatThrownBy(() -> CometNames.parseUserId("-5")).hasMessageContaining("digits");
        assertThatThrownBy(() -> CometNames.parseUserId("alice")).hasMessageContaining("digits");
    }

    @Test
    void keys() {
        assertThat(CometNames.requireAuthHash("abc/+=_09")).isEqualTo("abc/+=_09");
        assertThatThrownBy(() -> CometNames.requireAuthHash("k".repeat(33))).hasMessageContaining("1..32");
        assertThatThrownBy(() -> CometNames.requireAuthHash("a-b")).isInstanceOf(CometNameException.class);
        assertThat(CometNames.requireSessionKey("eyJ.eyJ-_.sig")).isEqualTo("eyJ.eyJ-_.sig");
        assertThat(CometNames.requireSessionKey("")).isEmpty();
        assertThatThrownBy(() -> CometNames.requireSessionKey("a&myid=1")).isInstanceOf(CometNameException.class);
        assertThatThrownBy(() -> CometNames.requireSessionKey("a%20b")).isInstanceOf(CometNameException.class);
    }
}
