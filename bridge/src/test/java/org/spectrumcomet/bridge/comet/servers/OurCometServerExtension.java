package org.spectrumcomet.bridge.comet.servers;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Supplies our in-process comet server as the {@link CometServerUnderTest} parameter. */
public final class OurCometServerExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == CometServerUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return OurCometServer.shared(e);
    }
}
