package org.spectrumcomet.comet.cometql;

import org.spectrumcomet.comet.engine.CometEngine;

/** What a table statement runs against: the engine and the session's tenant (dev_id). */
record TableContext(CometEngine engine, String tenant) {
}
