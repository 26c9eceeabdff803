package org.spectrumcomet.bench.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codec paths of {@link CodecBenchmarks} run in one separate JVM with Netty's paranoid leak
 * detection (every buffer tracked), counting leak reports with {@link LeakCounter}. A separate JVM
 * because the detector is chosen once per JVM and paranoid tracking would distort the timings.
 */
public final class LeakCheck {

    private static final Pattern RESULT = Pattern.compile("leak-reports=(\\d+)");

    private LeakCheck() {
    }

    /** Runs {@code iterations} encodes and decodes of every sample in a paranoid JVM; the leak reports counted. */
    public static long runForked(int iterations, boolean leakOneOnPurpose) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dio.netty.leakDetection.level=paranoid",
                "-Dlogback.configurationFile=bench-logback.xml",
                "-cp", System.getProperty("java.class.path"),
                LeakCheck.class.getName(), Integer.toString(iterations)));
        if (leakOneOnPurpose) {
            command.add("--leak-one");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("leak check JVM failed: " + output);
        }
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IOException("leak check JVM printed no count: " + output);
        }
        return Long.parseLong(m.group(1));
    }

    public static void main(String[] args) throws InterruptedException {
        LeakCounter.install();
        int iterations = Integer.parseInt(args[0]);
        boolean leakOne = args.length > 1 && args[1].equals("--leak-one");
        try (CodecPipeline pipeline = new CodecPipeline()) {
            for (SampleFrame sample : SampleFrame.values()) {
                byte[] frame = sample.frame();
                for (int i = 0; i < iterations; i++) {
                    pipeline.encode(sample.message());
                    pipeline.decodeCopied(frame);
                }
            }
        }
        if (leakOne) {
            // proves the count can be non-zero: a buffer dropped without release
            ByteBufAllocator.DEFAULT.buffer(16).writeInt(42);
        }
        System.out.println("leak-reports=" + settle());
    }

    /** Collects garbage and allocates until leaked buffers have been found and reported. */
    private static long settle() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(50);
            for (int i = 0; i < 100; i++) {
                // each tracked allocation polls the detector's queue of collected, unreleased buffers
                ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(8);
                probe.release();
            }
        }
        return LeakCounter.reports();
    }
}
