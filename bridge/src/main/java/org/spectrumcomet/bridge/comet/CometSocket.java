package org.spectrumcomet.bridge.comet;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in user's WebSocket to the comet server, as that user (spec §I.4, Part III).
 *
 * <p>Lifecycle: {@link #open} connects at once; {@link #login()} completes with the first
 * serverInfo's verdict ({@link LoginResult}). A failed first login is final (the caller reports
 * it). After a successful login a lost link is re-established with {@link ReconnectBackoff};
 * the listener hears {@code onLinkLost}/{@code onLinkRestored}, and a key refused on reconnect
 * ends the socket with {@code onKeyRejected}.
 *
 * <p>Wire rules: the positional URL of {@link CometSocketUrl}; never a ping; the server may close
 * without a close frame; TCP keepalive (idle 60 s, 3 probes 10 s apart) finds dead links; the full
 * subscription list is sent after every change and after every reconnect.
 *
 * <p>Threading and bounds: all state lives on one event loop taken from the shared group (NIO);
 * public methods may be called from any thread. At most {@value #MAX_SUBSCRIPTIONS} pipes (CppComet
 * drops more); outbound frames are at most 65,535 bytes; at most one subscription frame is in
 * flight (later changes are coalesced into the next); inbound frames above {@code ws_max_frame}
 * close the link (then it reconnects); listener backlog bounded by {@code ws_max_pending}.
 *
 * <p>Several nodes: every connection attempt goes to the node {@link CometRoute#next()} names, and
 * a failed attempt (refused, timed out, closed before serverInfo) is reported to the route and
 * followed at once by an attempt on the next node, up to one attempt per node; then the backoff
 * applies as with one node. So a first login tries every node once, and a socket whose node died
 * is on another live node one backoff step after the loss.
 */
public final class CometSocket implements CometSocketHandler.Link {

    private static final Logger log = LoggerFactory.getLogger(CometSocket.class);
    public static final int MAX_SUBSCRIPTIONS = 32;
    public static final int MAX_OUTBOUND_FRAME = 65_535;

    private enum State { CONNECTING, AWAITING_INFO, LIVE, DOWN, STOPPED }

    private final CometEndpoint endpoint;
    private final long userId;
    private final String key;
    private final String uuid = CometSocketUrl.newUuid();
    private final CometRoute route;
    private volatile URI uri;
    private final EventLoop loop;
    private final CometSocketListener listener;
    private final ListenerQueue queue;
    private final ReconnectBackoff backoff;
    private final CompletableFuture<LoginResult> login = new CompletableFuture<>();
    private final Set<String> subscriptions = new LinkedHashSet<>();
    private final String name;
    // Confined to loop:
    private State state = State.CONNECTING;
    private Channel channel;
    private ScheduledFuture<?> loginTimer;
    private ScheduledFuture<?> reconnectTimer;
    private boolean loggedInOnce;
    private boolean subscriptionInFlight;
    private boolean subscriptionDirty;
    private String lastError;
    private CometEndpoint node;
    private int failedInARow;

    private CometSocket(CometEndpoint endpoint, CometRoute route, EventLoopGroup group, long userId, String key,
                        CometSocketListener listener, Executor executor) {
        this.endpoint = endpoint;
        this.route = route;
        this.userId = CometNames.requireUserId(userId);
        this.key = CometNames.requireSessionKey(key);
        this.node = endpoint;
        this.uri = CometSocketUrl.of(endpoint, userId, key, uuid);
        this.loop = group.next();
        this.listener = listener;
        this.name = "comet ws dev_id=" + endpoint.devId() + " user=" + userId;
        this.queue = new ListenerQueue(executor, endpoint.wsMaxPending(), () -> setAutoRead(false),
                () -> loop.execute(() -> setAutoRead(true)), name);
        this.backoff = new ReconnectBackoff(endpoint.reconnectMin(), endpoint.reconnectMax(),
                ThreadLocalRandom.current());
    }

    /**
     * Opens the user's socket on {@code group} (an NIO group shared by all sockets); listener calls
     * run on {@code executor}, one at a time per socket.
     */
    public static CometSocket open(CometEndpoint endpoint, EventLoopGroup group, long userId, String key,
                                   CometSocketListener listener, Executor executor) {
        return open(endpoint, CometRoute.fixed(endpoint), group, userId, key, listener, executor);
    }

    /**
     * Like {@link #open(CometEndpoint, EventLoopGroup, long, String, CometSocketListener, Executor)},
     * each attempt on the node {@code route} chooses; {@code endpoint} gives the timeouts and bounds.
     */
    public static CometSocket open(CometEndpoint endpoint, CometRoute route, EventLoopGroup group, long userId,
                                   String key, CometSocketListener listener, Executor executor) {
        CometSocket socket = new CometSocket(endpoint, route, group, userId, key, listener, executor);
        socket.loop.execute(socket::connect);
        return socket;
    }

    /** Completes once with the first login's verdict; never completes exceptionally. */
    public CompletableFuture<LoginResult> login() {
        return login;
    }

    public long userId() {
        return userId;
    }

    /** This connection's uuid (what others see in {@code track_} events and {@code users_in_pipes}). */
    public String uuid() {
        return uuid;
    }

    /** The URL of the latest attempt, for logs and tests (contains the key). */
    URI uri() {
        return uri;
    }

    /** Adds pipes to the subscription set and sends the whole set. */
    public CompletableFuture<Void> subscribe(Collection<String> pipes) {
        List<String> checked = checkPipes(pipes);
        return onLoop(() -> {
            Set<String> next = new LinkedHashSet<>(subscriptions);
            next.addAll(checked);
            if (next.size() > MAX_SUBSCRIPTIONS) {
                throw new CometNameException("at most " + MAX_SUBSCRIPTIONS + " pipes per comet connection; "
                        + name + " would have " + next.size());
            }
            subscriptions.addAll(checked);
            sendSubscriptions();
        });
    }

    /** Removes pipes from the subscription set and sends the whole set. */
    public CompletableFuture<Void> unsubscribe(Collection<String> pipes) {
        List<String> copy = List.copyOf(pipes);
        return onLoop(() -> {
            if (subscriptions.removeAll(copy)) {
                sendSubscriptions();
            }
        });
    }

    /** The current subscription set. */
    public CompletableFuture<Set<String>> subscriptions() {
        CompletableFuture<Set<String>> f = new CompletableFuture<>();
        loop.execute(() -> f.complete(Set.copyOf(subscriptions)));
        return f;
    }

    /** Closes the socket for good (logout); completes when the connection is closed. */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            state = State.STOPPED;
            cancelLoginTimer();
            // A pending reconnect would keep this socket (and its listener's session) reachable for
            // up to reconnect_max after the logout.
            if (reconnectTimer != null) {
                reconnectTimer.cancel(false);
                reconnectTimer = null;
            }
            login.complete(new LoginResult(LoginResult.Outcome.UNREACHABLE, "closed before login finished"));
            if (channel == null) {
                done.complete(null);
            } else {
                channel.close().addListener(f -> done.complete(null));
            }
        });
        return done;
    }

    private static List<String> checkPipes(Collection<String> pipes) {
        List<String> out = new ArrayList<>(pipes.size());
        for (String p : pipes) {
            CometNames.requirePipe(p);
            if (p.length() >= CometNames.PIPE_MAX) {
                throw new CometNameException("a WebSocket subscription needs a pipe name under 64 characters: " + p);
            }
            out.add(p);
        }
        return out;
    }

    private CompletableFuture<Void> onLoop(Runnable action) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                action.run();
                f.complete(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private void connect() {
        reconnectTimer = null;
        if (state == State.STOPPED) {
            return;
        }
        state = State.CONNECTING;
        lastError = null;
        node = route.next();
        uri = CometSocketUrl.of(node, userId, key, uuid);
        CometSocketHandler handler = new CometSocketHandler(new CometHandshaker(uri, endpoint.wsMaxFrame()), this);
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) endpoint.connectTimeout().toMillis())
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), 60)
                .option(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL), 10)
                .option(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT), 3)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 96 * 1024))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(4096, 8192, 8192), new HttpObjectAggregator(16384),
                                handler);
                    }
                });
        ChannelFuture f = b.connect(node.wsHost(), node.wsPort());
        channel = f.channel();
        loginTimer = loop.schedule(() -> {
            if (state == State.CONNECTING || state == State.AWAITING_INFO) {
                lastError = "no serverInfo from " + node.wsHost() + ":" + node.wsPort() + " within "
                        + (endpoint.connectTimeout().plus(endpoint.loginTimeout()).toMillis()) + " ms";
                f.channel().close();
            }
        }, endpoint.connectTimeout().plus(endpoint.loginTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        f.addListener(done -> {
            if (!done.isSuccess() && f.channel() == channel) {
                linkDown("cannot connect to " + node.wsHost() + ":" + node.wsPort() + ": "
                        + done.cause().getMessage());
            }
        });
    }

    @Override
    public void upgraded(ChannelHandlerContext ctx) {
        if (ctx.channel() == channel && state == State.CONNECTING) {
            state = State.AWAITING_INFO;
        }
    }

    @Override
    public void frame(ChannelHandlerContext ctx, String text) {
        if (ctx.channel() != channel) {
            return;
        }
        if (DamagedFrameRepair.isDamaged(text)) {
            // CppComet 4.09 bug: frames of 123-125 bytes lose their last bytes to NUL (see DamagedFrameRepair).
            String damaged = text;
            text = DamagedFrameRepair.repair(damaged, subscriptions).orElse(null);
            if (text == null) {
                log.warn("{}: dropped a {}-byte frame damaged by CppComet (tail lost to NUL bytes, cannot be rebuilt): {}",
                        name, damaged.length(), DamagedFrameRepair.escapeNuls(damaged));
                return;
            }
            log.debug("{}: repaired a {}-byte frame damaged by CppComet", name, damaged.length());
        }
        for (CometEvent event : CometFrameParser.parse(text)) {
            if (state == State.AWAITING_INFO) {
                if (event instanceof CometEvent.ServerInfo info) {
                    serverInfo(info);
                } else if (event instanceof CometEvent.ServerError error) {
                    lastError = "comet error " + error.code() + ": " + error.message();
                }
                continue;
            }
            if (state == State.LIVE) {
                if (event instanceof CometEvent.Unparsed u) {
                    log.warn("{}: unparsable frame ({}): {}", name, u.reason(),
                            DamagedFrameRepair.escapeNuls(abbreviate(u.text())));
                    continue;
                }
                queue.add(() -> listener.onEvent(event));
            }
        }
    }

    private void serverInfo(CometEvent.ServerInfo info) {
        cancelLoginTimer();
        if (!info.authorized()) {
            log.info("{}: key rejected by {} (serverInfo authorized=false)", name, info.server());
            state = State.STOPPED;
            channel.close();
            if (loggedInOnce) {
                queue.add(listener::onKeyRejected);
            } else {
                login.complete(new LoginResult(LoginResult.Outcome.KEY_REJECTED,
                        "comet server did not accept the key of user " + userId));
            }
            return;
        }
        state = State.LIVE;
        backoff.reset();
        failedInARow = 0;
        route.reached(node);
        subscriptionInFlight = false;
        subscriptionDirty = false;
        if (!subscriptions.isEmpty()) {
            sendSubscriptions();
        }
        if (loggedInOnce) {
            log.info("{}: link restored on node {}", name, nodeName());
            queue.add(listener::onLinkRestored);
        } else {
            loggedInOnce = true;
            log.debug("{}: logged in to {} (node {})", name, info.server(), nodeName());
            login.complete(new LoginResult(LoginResult.Outcome.ACCEPTED, info.server()));
        }
    }

    @Override
    public void ended(ChannelHandlerContext ctx, String reason) {
        if (ctx.channel() == channel) {
            linkDown(lastError != null ? lastError : reason);
        }
    }

    private void linkDown(String reason) {
        cancelLoginTimer();
        State was = state;
        if (was == State.STOPPED || was == State.DOWN) {
            return;
        }
        state = State.DOWN;
        boolean attemptFailed = was != State.LIVE;
        if (attemptFailed) {
            route.unreachable(node, reason);
            failedInARow++;
        }
        boolean anotherNode = attemptFailed && failedInARow < route.nodes();
        if (!loggedInOnce) {
            if (anotherNode) {
                log.info("{}: node {} unreachable ({}), trying the next node", name, nodeName(), reason);
                connect();
                return;
            }
            state = State.STOPPED;
            log.info("{}: login failed: {}", name, reason);
            login.complete(new LoginResult(LoginResult.Outcome.UNREACHABLE, reason));
            return;
        }
        if (was == State.LIVE) {
            log.info("{}: link lost on node {} ({}), reconnecting", name, nodeName(), reason);
            queue.add(() -> listener.onLinkLost(reason));
        }
        if (anotherNode) {
            log.info("{}: node {} unreachable ({}), trying the next node", name, nodeName(), reason);
            connect();
            return;
        }
        failedInARow = 0;
        long delay = backoff.next().toMillis();
        reconnectTimer = loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void sendSubscriptions() {
        if (state != State.LIVE) {
            return;
        }
        if (subscriptionInFlight) {
            subscriptionDirty = true;
            return;
        }
        // An empty set is sent as one unusable 1-char name: CppComet ends the list at a name under 2 chars.
        String command = "subscription\n" + (subscriptions.isEmpty() ? "-" : String.join("\n", subscriptions));
        if (command.getBytes(UTF_8).length > MAX_OUTBOUND_FRAME) {
            throw new IllegalStateException("subscription frame over 65,535 bytes");
        }
        subscriptionInFlight = true;
        Channel target = channel;
        target.writeAndFlush(new TextWebSocketFrame(command)).addListener(f -> {
            if (target != channel) {
                return;
            }
            subscriptionInFlight = false;
            if (subscriptionDirty) {
                subscriptionDirty = false;
                sendSubscriptions();
            }
        });
    }

    private String nodeName() {
        return node.wsHost() + ":" + node.wsPort();
    }

    private void setAutoRead(boolean on) {
        if (channel != null) {
            channel.config().setAutoRead(on);
        }
    }

    private void cancelLoginTimer() {
        if (loginTimer != null) {
            loginTimer.cancel(false);
            loginTimer = null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
