package org.spectrumcomet.conformance;

import java.nio.file.Path;

/**
 * Backend commands for tests: a main class run by this JVM's java binary with this JVM's real
 * class path (surefire is configured not to hide it in a manifest-only jar).
 */
public final class JavaBackendCommand {

    private JavaBackendCommand() {
    }

    public static String of(Class<?> mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "\"" + java + "\" -Xshare:auto -XX:TieredStopAtLevel=1 -Xss512k -cp \""
                + System.getProperty("java.class.path") + "\" " + mainClass.getName();
    }

    /** Where tests keep backend logs and frame dumps of failing scenarios. */
    public static Path workDir(String name) {
        return Path.of("target", "conformance", name).toAbsolutePath();
    }
}
