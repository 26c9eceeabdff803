package org.spectrumcomet.e2e.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test (needs root or CAP_SYS_ADMIN: {@link #mount} returns null when
 * {@code mount} is refused, and the test is skipped with that reason).
 */
final class SmallDisk implements AutoCloseable {

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code kib} KiB on a fresh {@code dir}; null when this sandbox may not mount. */
    static SmallDisk mount(Path dir, int kib) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        run("umount", dir.toString()); // a mount left by an interrupted run
        if (run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", dir.toString()) != 0) {
            return null;
        }
        return new SmallDisk(dir);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
