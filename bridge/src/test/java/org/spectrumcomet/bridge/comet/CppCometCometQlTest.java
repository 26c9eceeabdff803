package org.spectrumcomet.bridge.comet;

import org.junit.jupiter.api.extension.ExtendWith;
import org.spectrumcomet.bridge.comet.servers.CppCometExtension;

/** {@link CometQlClientContract} against the real CppComet (skipped when it is not installed). */
@ExtendWith(CppCometExtension.class)
class CppCometCometQlTest extends CometQlClientContract {

    @Override
    boolean keepsEveryConcurrentInsertInHistory() {
        return false;
    }
}
