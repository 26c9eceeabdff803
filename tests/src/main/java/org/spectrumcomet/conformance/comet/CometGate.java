package org.spectrumcomet.conformance.comet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small TCP relay in front of comet's WebSocket port for the backend's user sockets. It reads
 * the HTTP request head to learn the comet user ({@code myid=}) and then, per user: relays,
 * refuses (closes with a reset before any answer: "comet unreachable" to that user only), or
 * freezes (stops moving bytes both ways without closing: a hung socket). The head goes upstream in
 * one write because CppComet needs the whole upgrade request in one read (spec §I.4.1). Two
 * threads per relayed connection; the head is read up to {@value #MAX_REQUEST_HEAD} bytes, a
 * longer one is refused.
 */
public final class CometGate implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CometGate.class);
    private static final int MAX_REQUEST_HEAD = 8192;
    private static final Pattern MYID = Pattern.compile("&myid=(\\d+)&");

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Map<Long, Integer> refusals = new ConcurrentHashMap<>();
    private final Set<Long> frozen = ConcurrentHashMap.newKeySet();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object thaw = new Object();
    private volatile boolean closed;

    public CometGate(String host, int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(host, upstreamPort);
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "comet-gate-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** The port the backend's {@code [comet] websocket} points at. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The next {@code times} connections of {@code user} are refused. */
    public void refuse(long user, int times) {
        refusals.put(user, times);
    }

    /** Every connection of {@code user} is refused until {@link #allow}. */
    public void refuseAlways(long user) {
        refusals.put(user, Integer.MAX_VALUE);
    }

    public void allow(long user) {
        refusals.remove(user);
    }

    /** Stops moving {@code user}'s bytes, on its open connections and on new ones. */
    public void freeze(long user) {
        frozen.add(user);
    }

    public void unfreeze(long user) {
        frozen.remove(user);
        synchronized (thaw) {
            thaw.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Thread t = new Thread(() -> serve(client), "comet-gate-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("comet gate: accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket client) {
        open.add(client);
        try {
            InputStream in = client.getInputStream();
            byte[] head = requestHead(in);
            Matcher m = MYID.matcher(new String(head, StandardCharsets.ISO_8859_1));
            long user = m.find() ? Long.parseLong(m.group(1)) : 0;
            if (head.length == 0 || takeRefusal(user)) {
                LOG.info("comet gate: refusing a connection of comet user {}", user);
                client.setSoLinger(true, 0);
                client.close();
                return;
            }
            Socket server = new Socket();
            open.add(server);
            server.connect(upstream, 5000);
            server.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            server.getOutputStream().write(head);
            Thread back = new Thread(() -> pump(server, client, user), "comet-gate-down-" + user);
            back.setDaemon(true);
            back.start();
            pump(client, server, user);
        } catch (IOException e) {
            LOG.debug("comet gate: {}", e.toString());
            closeQuietly(client);
        }
    }

    /** Up to and including the empty line that ends the head, or empty when the peer closes or sends too much. */
    private static byte[] requestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lineLength = 0;
        int b;
        while ((b = in.read()) >= 0 && head.size() < MAX_REQUEST_HEAD) {
            head.write(b);
            if (b == '\n') {
                if (lineLength == 0) {
                    return head.toByteArray();
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        return new byte[0];
    }

    private boolean takeRefusal(long user) {
        Integer left = refusals.computeIfPresent(user, (k, n) -> n == Integer.MAX_VALUE ? n : n - 1);
        if (left == null) {
            return false;
        }
        if (left < 0) {
            refusals.remove(user, left);
            return false;
        }
        refusals.remove(user, 0);
        return true;
    }

    private void pump(Socket from, Socket to, long user) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while (true) {
                awaitThaw(user);
                n = in.read(buf);
                if (n < 0) {
                    break;
                }
                awaitThaw(user);
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("comet gate: user {}: {}", user, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitThaw(long user) throws InterruptedException {
        synchronized (thaw) {
            while (frozen.contains(user) && !closed) {
                thaw.wait(1000);
            }
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (thaw) {
            thaw.notifyAll();
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(this::closeQuietly);
    }
}
