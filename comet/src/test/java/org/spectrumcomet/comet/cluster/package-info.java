/**
 * Several real {@code comet-server} processes on one real {@code redis-server}, checked through real
 * clients (MariaDB Connector/J for CometQL, the JDK WebSocket client): the multi-node network of
 * issue 9 as an operator runs it.
 */
package org.spectrumcomet.comet.cluster;
