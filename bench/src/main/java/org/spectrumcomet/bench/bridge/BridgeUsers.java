package org.spectrumcomet.bench.bridge;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The XMPP users the load main logs in through the bridge: comet ids 1..N, JIDs {@code u<id>@localhost},
 * keys {@code key<id>} registered in comet's users_auth first (as the tests' BridgeRig does).
 */
final class BridgeUsers {

    private final long[] ids;
    private final String[] jids;

    BridgeUsers(int count) {
        ids = new long[count];
        jids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = i + 1;
            jids[i] = "u" + ids[i] + "@localhost";
        }
    }

    static String keyOf(long id) {
        return "key" + id;
    }

    int count() {
        return ids.length;
    }

    long[] ids() {
        return ids;
    }

    String jid(long index) {
        return jids[(int) (index % jids.length)];
    }

    void registerKeys(CometQl cometql) throws SQLException {
        for (long id : ids) {
            cometql.setKey(id, keyOf(id));
        }
    }

    /** LOGIN frames: legacyName = the comet id, password = its key (bridge/README.md). */
    List<Protocol.Login> logins() {
        List<Protocol.Login> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.add(Protocol.Login.newBuilder().setUser(jids[i]).setLegacyName(Long.toString(ids[i]))
                    .setPassword(keyOf(ids[i])).build());
        }
        return out;
    }
}
