package org.spectrumcomet.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory at steady state (METHOD.md: heap after a full GC, and RSS).
 *
 * <ul>
 *   <li>This JVM: {@link System#gc()} repeated until used heap stops falling (a single call can
 *       leave objects that only a finaliser or reference-processing pass frees).</li>
 *   <li>Another JVM (a spawned backend): {@code jcmd <pid> GC.run} then {@code jcmd <pid>
 *       GC.heap_info}, summing the "used" of the heap spaces. Chosen over jstat because jstat only
 *       samples and cannot force the full GC the method asks for; jcmd needs the same user and a
 *       HotSpot JVM, which is what we spawn.</li>
 *   <li>Any process: RSS from {@code /proc/<pid>/status} (VmRSS), Linux only.</li>
 * </ul>
 */
public final class MemoryProbe {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+)\\s+kB");

    private MemoryProbe() {
    }

    /** Used heap of this JVM in bytes after full GCs until it stops falling (at most 10). */
    public static long heapAfterFullGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = memory.getHeapMemoryUsage().getUsed();
        for (int i = 0; i < 10 && used < previous - previous / 100; i++) {
            previous = used;
            System.gc();
            used = memory.getHeapMemoryUsage().getUsed();
        }
        return used;
    }

    /** Resident set size of process {@code pid} in bytes, or empty when /proc has no such entry. */
    public static OptionalLong rssBytes(long pid) {
        try {
            return parseRss(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parseRss(String status) {
        Matcher m = VM_RSS.matcher(status);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
    }

    /** Used heap in bytes of JVM {@code pid} after a full GC forced with jcmd; empty if jcmd fails. */
    public static OptionalLong heapAfterFullGc(long pid) {
        try {
            jcmd(pid, "GC.run");
            return parseHeapInfo(jcmd(pid, "GC.heap_info"));
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** Sums "used NK" over the heap-space lines of GC.heap_info (those with a total, before Metaspace). */
    static OptionalLong parseHeapInfo(String heapInfo) {
        long usedKb = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace")) {
                break;
            }
            Matcher m = USED.matcher(line);
            if (line.contains("total") && m.find()) {
                usedKb += Long.parseLong(m.group(1));
                found = true;
            }
        }
        return found ? OptionalLong.of(usedKb * 1024) : OptionalLong.empty();
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(jcmdPath(), Long.toString(pid), command))
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " failed: "
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** jcmd next to the running java, so it matches the JVM we spawn. */
    private static String jcmdPath() {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path jcmd = javaHome.resolve("bin").resolve("jcmd");
        return Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
    }
}
