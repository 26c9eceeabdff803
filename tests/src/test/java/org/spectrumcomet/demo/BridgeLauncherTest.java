package org.spectrumcomet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeLauncherTest {

    @Test
    void theRootIsTwoLevelsAboveTarget() throws DemoFailure {
        assertThat(BridgeLauncher.rootFromCode(Path.of("/opt/sc/tests/target/spectrum-comet-tests.jar")))
                .isEqualTo(Path.of("/opt/sc"));
        assertThat(BridgeLauncher.rootFromCode(Path.of("/opt/sc/tests/target/classes"))).isEqualTo(Path.of("/opt/sc"));
        assertThatThrownBy(() -> BridgeLauncher.rootFromCode(Path.of("/usr/share/java/demo.jar")))
                .hasMessageContaining("-Dspectrum.comet.home=<repo>");
    }

    @Test
    void thisCheckoutIsFoundFromWhereTheClassesAre() throws DemoFailure {
        assertThat(BridgeLauncher.root().resolve("bin/spectrum-comet-backend")).exists();
    }

    @Test
    void aMissingLauncherOrAnUnbuiltBridgeIsExplained(@TempDir Path root) throws Exception {
        assertThatThrownBy(() -> BridgeLauncher.check(root)).isInstanceOf(DemoFailure.class)
                .hasMessageContaining(root.resolve("bin/spectrum-comet-backend") + " is missing or not executable");

        Path launcher = Files.createFile(Files.createDirectories(root.resolve("bin")).resolve("spectrum-comet-backend"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> BridgeLauncher.check(root))
                .hasMessage("the bridge is not built (" + root.resolve("bridge/target/spectrum-comet-bridge.jar")
                        + " is missing) — run: mvn -B -ntp -DskipTests package");

        Files.createDirectories(root.resolve("bridge/target/lib"));
        Files.createFile(root.resolve("bridge/target/spectrum-comet-bridge.jar"));
        assertThat(BridgeLauncher.check(root)).isEqualTo(launcher);
    }
}
