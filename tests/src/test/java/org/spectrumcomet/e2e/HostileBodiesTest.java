package org.spectrumcomet.e2e;

/** {@link HostileBodiesContract} on our comet server (in-memory store). */
class HostileBodiesTest extends HostileBodiesContract {

    @Override
    protected BridgeRig startRig() throws Exception {
        return BridgeRig.start(BridgeRig.inMemory("hostile"), "");
    }
}
