package org.spectrumcomet.comet.engine.local;

import org.spectrumcomet.comet.store.CometStore;
import org.spectrumcomet.comet.store.MemoryStore;

/** The engine behaviour on the in-memory store. */
class LocalCometEngineTest extends EngineBehaviourTest {

    @Override
    CometStore openStore(boolean reopen) {
        return new MemoryStore();
    }
}
