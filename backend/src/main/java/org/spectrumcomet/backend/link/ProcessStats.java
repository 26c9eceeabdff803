package org.spectrumcomet.backend.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The STATS payload (spec §4): resident memory now and at start, shared memory, all in KiB, and the
 * real PID as a decimal string — the main sends SIGABRT to that id when the backend misses a ping,
 * so it must never be anything else (0 or -1 would signal the main's group or everything).
 *
 * <p>Reads {@code /proc/self/status} (VmRSS) and {@code /proc/self/statm} (shared pages): in-memory
 * files the kernel generates, cheap enough to read on the event loop. Without {@code /proc}
 * (not Linux) the sizes are 0; the id is always right.
 */
public final class ProcessStats {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path STATM = Path.of("/proc/self/statm");

    private final String pid;
    private final int initialResidentKiB;
    private final int pageKiB;

    public ProcessStats() {
        this.pid = Long.toString(ProcessHandle.current().pid());
        this.initialResidentKiB = residentKiB();
        this.pageKiB = pageKiB();
    }

    /** A complete Stats message (all four proto2 required fields). */
    public Protocol.Stats sample() {
        return Protocol.Stats.newBuilder()
                .setRes(residentKiB())
                .setInitRes(initialResidentKiB)
                .setShared(sharedKiB())
                .setId(pid)
                .build();
    }

    /** VmRSS in KiB, 0 when unknown. */
    static int residentKiB() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return clamp(Long.parseLong(parts[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc: report 0 rather than fail the PONG.
        }
        return 0;
    }

    private int sharedKiB() {
        long[] statm = statm();
        return statm.length > 2 ? clamp(statm[2] * pageKiB) : 0;
    }

    /** Page size in KiB, inferred from VmRSS / resident pages (Java has no portable page size); 4 when unsure. */
    private static int pageKiB() {
        long[] statm = statm();
        int rss = residentKiB();
        if (statm.length > 1 && statm[1] > 0 && rss > 0) {
            long ratio = Math.round((double) rss / statm[1]);
            for (int size = 4; size <= 64; size *= 2) {
                if (ratio == size) {
                    return size;
                }
            }
        }
        return 4;
    }

    private static long[] statm() {
        try {
            String[] parts = Files.readString(STATM, StandardCharsets.US_ASCII).trim().split("\\s+");
            long[] values = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = Long.parseLong(parts[i]);
            }
            return values;
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static int clamp(long kib) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, kib));
    }
}
