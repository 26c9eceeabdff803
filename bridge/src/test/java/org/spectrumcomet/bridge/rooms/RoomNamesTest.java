package org.spectrumcomet.bridge.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomNamesTest {

    @Test
    void validPipeNamesAreTheirOwnPipe() {
        assertThat(RoomNames.toPipe("lobby")).isEqualTo("lobby");
        assertThat(RoomNames.toPipe("track_chat-1")).isEqualTo("track_chat-1");
        assertThat(RoomNames.toPipe("a".repeat(64))).isEqualTo("a".repeat(64));
    }

    @Test
    void otherNamesAreEscapedByTheDocumentedRule() {
        assertThat(RoomNames.toPipe("#chat")).isEqualTo("x---23chat");
        assertThat(RoomNames.toPipe("ab")).isEqualTo("x--ab");
        assertThat(RoomNames.toPipe("x--y")).isEqualTo("x--x-2d-2dy");
        assertThat(RoomNames.toPipe("café")).isEqualTo("x--caf-c3-a9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lobby", "#chat", "ab", "x--y", "x---23chat", "café au lait", "a/b@c", "-", "日本"})
    void escapingIsReversible(String room) {
        String pipe = RoomNames.toPipe(room);
        assertThat(pipe).matches("[A-Za-z0-9_-]{3,64}");
        assertThat(RoomNames.toRoom(pipe)).isEqualTo(room);
    }

    @Test
    void distinctRoomsNeverShareAPipe() {
        assertThat(RoomNames.toPipe("x---23chat")).isNotEqualTo(RoomNames.toPipe("#chat"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "msg", "sys", "_answer_x"})
    void reservedAndEmptyNamesAreRefused(String room) {
        assertThatThrownBy(() -> RoomNames.toPipe(room)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".*(empty|reserved).*");
    }

    @Test
    void namesTooLongOnceEscapedAreRefusedWithTheReason() {
        assertThatThrownBy(() -> RoomNames.toPipe("#" + "a".repeat(62)))
                .hasMessageContaining("too long for a comet pipe");
        assertThatThrownBy(() -> RoomNames.toPipe("a".repeat(65))).hasMessageContaining("too long");
    }
}
