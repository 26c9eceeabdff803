package org.spectrumcomet.demo;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo's stdout: one short line per thing that happened, tagged with who saw it
 * ({@code [xmpp alice] -> bob: Hello}, {@code [web bob] <- alice: Hello}). With {@code --verbose}
 * the raw frames behind each line are printed (indented) before it, drained from every
 * {@link RawSource} in the order each source saw them.
 */
final class Transcript {

    /** Something that records raw frames as they cross its link, for {@code --verbose}. */
    interface RawSource {
        /** The raw lines recorded since the last call, oldest first. */
        List<RawLine> drainRaw();
    }

    /** One raw frame as a source saw it; lines of all sources are printed in time order. */
    record RawLine(Instant at, String text) {
    }

    private final PrintStream out;
    private final boolean verbose;
    private final List<RawSource> sources = new CopyOnWriteArrayList<>();

    Transcript(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    boolean verbose() {
        return verbose;
    }

    void addRawSource(RawSource source) {
        sources.add(source);
    }

    void removeRawSource(RawSource source) {
        flushRaw();
        sources.remove(source);
    }

    /** {@code [who] text}, after the raw frames seen so far when verbose. */
    synchronized void line(String who, String text) {
        flushRaw();
        out.println("[" + who + "] " + text);
        out.flush();
    }

    /** A raw frame that is not recorded by a source (e.g. a CometQL statement), printed now; verbose only. */
    synchronized void raw(String who, String frame) {
        if (verbose) {
            flushRaw();
            out.println("    [" + who + "] " + frame);
        }
    }

    /** A line without a tag (title, result). */
    synchronized void plain(String text) {
        flushRaw();
        out.println(text);
        out.flush();
    }

    synchronized void flushRaw() {
        if (!verbose) {
            return;
        }
        List<RawLine> lines = new ArrayList<>();
        for (RawSource source : sources) {
            lines.addAll(source.drainRaw());
        }
        lines.sort(Comparator.comparing(RawLine::at)); // stable: one source's lines keep their order
        for (RawLine line : lines) {
            out.println("    " + line.text());
        }
        out.flush();
    }
}
