package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spectrumcomet.bridge.comet.servers.CppCometExtension;

/**
 * Against the real CppComet (skipped when it is not installed): messages whose frames are 121..128
 * bytes — across the 123–125 window CppComet damages ({@link DamagedFrameRepair}) — all reach a
 * {@link CometSocket} intact, repaired or (for the bridge's own pipe messages) padded out of the
 * window. Frame lengths follow the shapes of spec §I.4.5, as measured on CppComet 4.09.
 */
@ExtendWith(CppCometExtension.class)
class CppCometDamagedFrameTest extends CometSocketRig {

    /** Live private message: {"data":"<body JSON as a string>","event":"message","pipe":"msg"}. */
    static int privateFrameLength(CometBody body) {
        String data = new String(JsonStringEncoder.getInstance().quoteAsString(CometBodyCodec.encode(body)));
        return ("{\"data\":\"" + data + "\",\"event\":\"message\",\"pipe\":\"msg\"}").length();
    }

    /**
     * CometQL pipe message of plain text ({@link CometQlClient#publishText} sends it as a JSON string):
     * {"data":"\"<text>\"","event":"message","message_send_time":<10 digits>,"pipe":"<pipe>"}.
     */
    static int pipeFrameLength(String pipe, String text) {
        return ("{\"data\":\"\\\"" + text + "\\\"\",\"event\":\"message\",\"message_send_time\":1795394029,\"pipe\":\""
                + pipe + "\"}").length();
    }

    @Test
    void privateMessagesOfEveryFrameLengthArriveIntact() throws Exception {
        long id = newUser();
        RecordingListener listener = new RecordingListener();
        login(id, listener);
        for (int length = 121; length <= 128; length++) {
            CometBody body = CometBody.plain("");
            String text = "";
            while (privateFrameLength(body) < length) {
                text += "x";
                body = CometBody.text(null, null, "" + length + text, null, 0);
            }
            assertThat(privateFrameLength(body)).isEqualTo(length);
            String expected = body.text();
            await(cometql.sendPrivate(id, "message", body));
            CometEvent.PrivateMessage got = listener.await(CometEvent.PrivateMessage.class,
                    m -> m.body().text().equals(expected), WAIT);
            assertThat(got.event()).isEqualTo("message");
        }
    }

    @Test
    void pipeMessagesOfEveryFrameLengthArriveIntact() throws Exception {
        long id = newUser();
        RecordingListener listener = new RecordingListener();
        CometSocket s = login(id, listener);
        String pipe = "frames_" + id;
        await(s.subscribe(List.of(pipe, pipe + "x", "other_pipe")));
        awaitSubscribers(pipe, 1);
        for (int length = 121; length <= 128; length++) {
            String text = length + "y".repeat(length - pipeFrameLength(pipe, "" + length));
            assertThat(pipeFrameLength(pipe, text)).isEqualTo(length);
            // Unpadded on purpose (publishText pads, see CometFramePadding): this exercises the repair.
            await(cometql.update(CometQlStatement.publish(pipe, "message", CometQlLiteral.ofText(text))));
            CometEvent.PipeMessage got = listener.await(CometEvent.PipeMessage.class,
                    m -> m.body().text().equals(text), WAIT);
            assertThat(got.pipe()).isEqualTo(pipe);
            assertThat(got.event()).isEqualTo("message");
        }
    }

    @Test
    void paddedPipeMessagesArriveIntactBesideSiblingPipes() throws Exception {
        long id = newUser();
        RecordingListener listener = new RecordingListener();
        CometSocket s = login(id, listener);
        String pipe = "frames_" + id + "a";
        await(s.subscribe(List.of(pipe, "frames_" + id + "b"))); // a lost last name byte would be ambiguous
        awaitSubscribers(pipe, 1);
        for (int length = 121; length <= 128; length++) {
            String text = length + "z".repeat(length - pipeFrameLength(pipe, "" + length));
            assertThat(pipeFrameLength(pipe, text)).isEqualTo(length);
            await(cometql.publishText(pipe, "message", text));
            CometEvent.PipeMessage got = listener.await(CometEvent.PipeMessage.class,
                    m -> m.body().text().equals(text), WAIT);
            assertThat(got.pipe()).isEqualTo(pipe);
        }
    }
}
