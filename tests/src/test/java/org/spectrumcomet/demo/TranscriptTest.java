package org.spectrumcomet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    private static final class Source implements Transcript.RawSource {
        final List<Transcript.RawLine> lines = new ArrayList<>();

        @Override
        public List<Transcript.RawLine> drainRaw() {
            List<Transcript.RawLine> out = List.copyOf(lines);
            lines.clear();
            return out;
        }
    }

    @Test
    void rawFramesOfAllSourcesComeInTimeOrderBeforeTheLineTheyExplain() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Transcript t = new Transcript(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        Source a = new Source();
        Source b = new Source();
        t.addRawSource(a);
        t.addRawSource(b);
        Instant now = Instant.now();
        a.lines.add(new Transcript.RawLine(now.plusMillis(2), "[a] second"));
        b.lines.add(new Transcript.RawLine(now.plusMillis(1), "[b] first"));
        a.lines.add(new Transcript.RawLine(now.plusMillis(3), "[a] third"));
        t.line("xmpp alice", "-> bob: hi");
        t.line("web bob", "<- alice: hi");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "    [b] first\n    [a] second\n    [a] third\n[xmpp alice] -> bob: hi\n[web bob] <- alice: hi\n");
    }

    @Test
    void withoutVerboseOnlyTheStoryIsPrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Transcript t = new Transcript(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        Source a = new Source();
        t.addRawSource(a);
        a.lines.add(new Transcript.RawLine(Instant.now(), "[a] raw"));
        t.raw("site", "CometQL -> SELECT 1");
        t.line("comet", "server stopped");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("[comet] server stopped\n");
    }
}
