package org.spectrumcomet.cppcomet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.spectrumcomet.conformance.comet.CppCometProcess;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.e2e.BridgeRig;
import org.spectrumcomet.e2e.HostileBodiesContract;

/**
 * {@link HostileBodiesContract} through the bridge on the real CppComet. The bodies round-trip
 * exactly, although CppComet relays CometQL literals byte for byte (spec §I.3.2), drops 4-byte
 * characters in its utf8 columns and SQL-escapes what browsers publish (§I.4.4): the frames show
 * the bridge's {@code \}{@code uXXXX} escapes arriving as written, and the browser's room message
 * arriving escaped at another browser, while the XMPP side gets the exact text.
 */
@EnabledIfEnvironmentVariable(named = "CPPCOMET_HOME", matches = ".*\\S.*",
        disabledReason = CppCometPeer.UNAVAILABLE)
class CppCometHostileBodiesIT extends HostileBodiesContract {

    @Override
    protected BridgeRig startRig() throws Exception {
        return BridgeRig.onCppComet(CppCometProcess.homeFromEnvironment(), "cppcomet-hostile");
    }

    @Override
    protected void checkPrivateFrameFromBridge(WebFrame frame) {
        assertThat(frame.data()).as("spec §I.3.2: CppComet relays the bridge's literal byte for byte, so only the "
                + "bridge's \\u escapes keep single quotes, other backslashes and 4-byte characters out of it")
                .doesNotContain("'").doesNotContainPattern("\\\\[^u]")
                .doesNotContainPattern("[\\x{10000}-\\x{10FFFF}]");
    }

    @Override
    protected void checkBrowserFrameSeenByAnother(String published, WebFrame seen) {
        assertThat(seen.data()).as("spec §I.4.4: CppComet SQL-escapes what a browser publishes with web_pipe2")
                .isEqualTo(published.replace("\\", "\\\\").replace("\"", "\\\""));
    }
}
