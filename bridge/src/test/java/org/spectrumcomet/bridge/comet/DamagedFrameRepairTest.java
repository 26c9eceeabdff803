package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames as CppComet 4.09 damages them: 123–125 bytes long, the last {@code length - 122} bytes
 * replaced by NUL (CppCometDifferencesIT; shapes of spec §I.4.5).
 */
class DamagedFrameRepairTest {

    /** A live private message frame of exactly {@code length} bytes. */
    static String privateFrame(int length) {
        String shell = "{\"data\":\"\",\"event\":\"message\",\"pipe\":\"msg\"}";
        return "{\"data\":\"" + "x".repeat(length - shell.length()) + "\",\"event\":\"message\",\"pipe\":\"msg\"}";
    }

    /** A CometQL pipe message frame of exactly {@code length} bytes. */
    static String pipeFrame(String pipe, int length) {
        String tail = "\",\"event\":\"message\",\"message_send_time\":1795394029,\"pipe\":\"" + pipe + "\"}";
        return "{\"data\":\"" + "y".repeat(length - 9 - tail.length()) + tail;
    }

    /** What CppComet sends for {@code frame}: its last {@code length - 122} bytes turned into NUL. */
    static String damaged(String frame) {
        int lost = frame.length() - 122;
        return frame.substring(0, frame.length() - lost) + "\0".repeat(lost);
    }

    @ParameterizedTest
    @ValueSource(ints = {123, 124, 125})
    void privateFramesAreRebuilt(int length) {
        String frame = privateFrame(length);
        assertThat(frame).hasSize(length);
        assertThat(DamagedFrameRepair.repair(damaged(frame), List.of("room_1"))).contains(frame);
        assertThat(CometFrameParser.parse(DamagedFrameRepair.repair(damaged(frame), List.of()).orElseThrow()))
                .singleElement().isInstanceOf(CometEvent.PrivateMessage.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {123, 124, 125})
    void pipeFramesAreRebuiltFromTheSubscribedPipes(int length) {
        String frame = pipeFrame("room_42", length);
        assertThat(frame).hasSize(length);
        assertThat(DamagedFrameRepair.repair(damaged(frame), List.of("room_4", "room_42", "other"))).contains(frame);
    }

    @Test
    void aLostClosingBraceAloneIsAlwaysRebuilt() {
        String frame = pipeFrame("not_subscribed", 123);
        assertThat(DamagedFrameRepair.repair(damaged(frame), List.of())).contains(frame);
    }

    @Test
    void anUnknownPipeCannotBeRebuilt() {
        assertThat(DamagedFrameRepair.repair(damaged(pipeFrame("room_42", 125)), List.of("room_7"))).isEmpty();
    }

    @Test
    void twoPipesThatFitMakeItAmbiguous() {
        String frame = damaged(pipeFrame("room_42", 125)); // arrived: ..."pipe":"room_4 + 3 NULs
        assertThat(DamagedFrameRepair.repair(frame, List.of("room_42", "room_4x"))).isEmpty();
    }

    @Test
    void framesOutsideTheWindowAreNotTouched() {
        String frame = privateFrame(126);
        String nulEnded = frame.substring(0, 124) + "\0\0";
        assertThat(DamagedFrameRepair.isDamaged(nulEnded)).isFalse();
        assertThat(DamagedFrameRepair.isDamaged(privateFrame(124))).isFalse();
        assertThat(DamagedFrameRepair.repair(privateFrame(124), List.of())).isEmpty();
    }

    @Test
    void theWindowIsCountedInBytes() {
        // 124 bytes but 122 chars: "é" and "ü" take two bytes each; the last 2 bytes were lost
        String frame = "{\"data\":\"éü" + "x".repeat(78) + "\",\"event\":\"message\",\"pipe\":\"msg\"}";
        assertThat(frame.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(124);
        String damaged = frame.substring(0, frame.length() - 2) + "\0\0";
        assertThat(DamagedFrameRepair.repair(damaged, List.of())).contains(frame);
    }

    @Test
    void nulsAreEscapedForTheLog() {
        assertThat(DamagedFrameRepair.escapeNuls("ab\0\0")).isEqualTo("ab\\u0000\\u0000");
    }
}
