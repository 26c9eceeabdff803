package org.spectrumcomet.comet.mysql;

import java.net.SocketAddress;
import java.util.Optional;

/**
 * What the wire protocol needs from the SQL dialect behind it. Called on the statement executor,
 * never on an event loop, so implementations may block.
 */
public interface MysqlService {

    /** Sent in the greeting; must start with a dotted version number (drivers parse it). */
    String serverVersion();

    /** The password a login name must prove, empty when the name is unknown. */
    Optional<String> passwordOf(String user);

    /** A session for a user that has proven its password. */
    MysqlSession open(String user, SocketAddress remote);
}
