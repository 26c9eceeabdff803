package org.spectrumcomet.bridge.comet.servers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies the run-wide real CppComet as a {@link CometServerUnderTest} parameter; skips the test
 * class (assumption, with the reason) when this machine has no CppComet peer.
 */
public final class CppCometExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(CppCometPeer.home() != null, "CppComet not available: set CPPCOMET_HOME to the peer folder "
                + "(/work/shared/peers/cppcomet) to run these tests");
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == CometServerUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return CppCometPeer.shared(e);
    }
}
