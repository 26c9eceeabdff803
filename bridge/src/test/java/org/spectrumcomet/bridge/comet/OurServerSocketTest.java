package org.spectrumcomet.bridge.comet;

import org.junit.jupiter.api.extension.ExtendWith;
import org.spectrumcomet.bridge.comet.servers.OurCometServerExtension;

/** The same contract against our comet server, started in-process. */
@ExtendWith(OurCometServerExtension.class)
class OurServerSocketTest extends CometSocketContract {
}
