package org.spectrumcomet.peers.bridge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.comet.CometConfig;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometServerProcess;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.conformance.comet.WebUser;

/**
 * The comet side of the chain as a web site sees it: our comet server as its own process
 * ({@code bin/comet-server}'s main class, SQLite store in {@code <dir>/data}, log in
 * {@code <dir>/comet-server.log}, at most {@value #MAX_QUEUED} queued messages per offline user),
 * the site's CometQL link, and web users on WebSockets.
 *
 * <p>User keys are HMAC keys (comet/README.md "User keys"): lowercase hex HMAC-SHA256 of the
 * decimal user id under the tenant key, computed here independently of the server's code. The same
 * key is the XMPP password of {@code <id>@localhost} (the bridge passes it on as the socket key).
 */
public final class CometSite implements AutoCloseable {

    /** Tenant 0's key: CometQL password and HMAC secret. */
    public static final String TENANT_KEY = "peers-tenant-key";
    /**
     * The offline queue bound ({@code [limits] max_queued_per_user}), small so that a test can fill
     * a user's queue and see comet refuse a message.
     */
    public static final int MAX_QUEUED = 5;

    private static final Logger LOG = LoggerFactory.getLogger(CometSite.class);

    private CometServerProcess server;
    private final CometQl cometql;
    private final List<WebUser> webUsers = new CopyOnWriteArrayList<>();

    private CometSite(CometServerProcess server) {
        this.server = server;
        this.cometql = new CometQl(server.target());
    }

    /** Starts the comet server with its files in {@code dir} (created if missing). */
    public static CometSite start(Path dir) throws Exception {
        CometServerProcess.Settings settings = CometServerProcess.Settings.inMemory(dir, TENANT_KEY)
                .withDataDir(dir.resolve("data")).withMaxQueuedPerUser(MAX_QUEUED);
        CometServerProcess server = CometServerProcess.start(settings);
        LOG.info("comet server for the bridge chain: {} (files in {})", server.target(), dir);
        return new CometSite(server);
    }

    public CometTarget target() {
        return server.target();
    }

    /**
     * The {@code [comet]} section for the bridge: straight to this server (no gate), the kit's
     * short timeouts ({@link CometConfig}), and {@code extra} lines appended (e.g. {@code presence_poll = 2s}).
     */
    public String bridgeConfig(String... extra) {
        StringBuilder section = new StringBuilder(CometConfig.section(target(), target().wsPort()));
        for (String line : extra) {
            section.append(line).append('\n');
        }
        return section.toString();
    }

    /** The site's CometQL link (tenant 0, {@code root}). */
    public CometQl cometql() {
        return cometql;
    }

    /** User {@code id}'s HMAC key. */
    public static String keyOf(long id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TENANT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(Long.toString(id).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Web user {@code id} connected with its key (serverInfo received); closed by {@link #close()}. */
    public WebUser web(long id) throws Exception {
        WebUser user = WebUser.connect(target(), id, keyOf(id));
        webUsers.add(user);
        if (!user.authorized()) {
            throw new IllegalStateException("comet did not authorise web user " + id + " with its HMAC key");
        }
        return user;
    }

    /** SIGKILL the comet server (sockets and CometQL links break); see {@link #restart()}. */
    public void kill() throws InterruptedException {
        server.kill();
    }

    /** Starts the server again on the same ports and data directory after {@link #kill()}. */
    public void restart() throws Exception {
        server = server.restart();
    }

    @Override
    public void close() throws Exception {
        for (WebUser user : webUsers) {
            user.close();
        }
        webUsers.clear();
        cometql.close();
        server.close();
    }
}
