package org.spectrumcomet.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where and when a benchmark ran: the header every results file starts with (METHOD.md), plus the
 * load average when it started — on a shared machine it says how much the absolute numbers mean.
 */
public record MachineInfo(ZonedDateTime date, String jdk, String cpuModel, int cores, String loadAverage) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    public static MachineInfo current() {
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new MachineInfo(ZonedDateTime.now(ZoneOffset.UTC), jdk, cpuModel(CPUINFO),
                Runtime.getRuntime().availableProcessors(), loadAverage(LOADAVG));
    }

    /** The 1, 5 and 15 minute load averages of a /proc/loadavg file, or "unknown". */
    static String loadAverage(Path loadavg) {
        try {
            String[] fields = Files.readString(loadavg).trim().split("\\s+");
            return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The first "model name" of a /proc/cpuinfo file, or os.arch when there is none (not Linux, ARM). */
    static String cpuModel(Path cpuinfo) {
        try {
            List<String> lines = Files.readAllLines(cpuinfo);
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        return line.substring(colon + 1).trim();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or not readable: fall through to the architecture
        }
        return "unknown (" + System.getProperty("os.arch") + ")";
    }

    /** Markdown lines for the head of a report. */
    public String markdown() {
        return "- date: " + date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n"
                + "- JDK: " + jdk + "\n"
                + "- CPU: " + cpuModel + "\n"
                + "- cores: " + cores + "\n"
                + "- load average at start (1/5/15 min): " + loadAverage + "\n";
    }
}
