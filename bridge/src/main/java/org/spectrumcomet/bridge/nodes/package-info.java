/**
 * The comet nodes of one network (several {@code bin/comet-server} processes on one Redis) as the
 * bridge sees them: which node a user's socket goes to ({@link org.spectrumcomet.bridge.nodes.CometNodes},
 * a stable rendezvous hash of the user id over the live nodes), which nodes are down and when they
 * come back ({@link org.spectrumcomet.bridge.nodes.NodeProbe}), the per-user route a socket follows
 * across failures ({@link org.spectrumcomet.bridge.nodes.UserRoute}), and CometQL spread over one pool per
 * node with the exact rule for retrying a statement on another node
 * ({@link org.spectrumcomet.bridge.nodes.NodeStatements}, {@link org.spectrumcomet.bridge.nodes.RetryRule}).
 * With one node all of this reduces to the single comet of before.
 */
package org.spectrumcomet.bridge.nodes;
