package org.spectrumcomet.comet.cometql;

import java.net.SocketAddress;
import java.util.Optional;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.mysql.MysqlService;
import org.spectrumcomet.comet.mysql.MysqlSession;

/**
 * CometQL behind the MySQL wire protocol: a login name is a tenant ({@code root}/{@code 0} → dev_id
 * 0, {@code N} → dev_id N) whose key is the password.
 */
final class CometQlService implements MysqlService {
    /** Starts with a version number drivers parse (5.7: no 8.0-only connect-time queries). */
    static final String SERVER_VERSION = "5.7.99-spectrum-comet-0.1";

    private final CometEngine engine;
    private final ServerVariables variables;
    private final CometMetrics metrics;

    CometQlService(CometEngine engine, CometQlSettings settings, CometMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
        this.variables = new ServerVariables(SERVER_VERSION, settings.maxPacketBytes(),
                settings.idleTimeout().toSeconds(), settings.maxConnections());
    }

    @Override
    public String serverVersion() {
        return SERVER_VERSION;
    }

    @Override
    public Optional<String> passwordOf(String user) {
        return engine.tenants().devIdOf(user).flatMap(devId -> engine.tenants().key(devId));
    }

    @Override
    public MysqlSession open(String user, SocketAddress remote) {
        String tenant = engine.tenants().devIdOf(user).orElseThrow();
        return new CometQlSession(new TableContext(engine, tenant), user, remote, variables, metrics);
    }
}
