package org.spectrumcomet.bridge.comet;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * CometQL operations the bridge needs, as futures completed on the client's own executor
 * ({@code pool_size} threads, never a Netty event loop).
 *
 * <p>Bounds: at most {@code queue} statements wait for a thread — beyond that the future fails at
 * once with {@link CometQlException.Busy}; statements of 9000 bytes or more fail with
 * {@link CometQlException.TooLarge} before anything is sent. Invalid names/ids throw
 * {@link CometNameException} synchronously (they are the caller's to check).
 *
 * <p>Every statement is plain text through {@link Statement} (escape processing off), never a
 * server-side or client-side prepared statement: drivers' {@code \'} escapes would reach
 * subscribers verbatim on CppComet (spec §I.3.2). Callers get futures; dependent work should use
 * {@code *Async} stages with their own executor rather than run on the CometQL threads.
 *
 * <p>A statement whose link broke (a comet restart) is retried once on a fresh connection when
 * that is safe — reads always, writes only if not yet sent; see {@link CometQlRunner}.
 */
public final class CometQlClient implements AutoCloseable {


    private final CometEndpoint endpoint;
    private final CometQlPool pool;
    private final CometQlRunner runner;
    private final ThreadPoolExecutor executor;

    private CometQlClient(CometEndpoint endpoint) {
        this.endpoint = endpoint;
        this.pool = new CometQlPool(endpoint);
        this.runner = new CometQlRunner(endpoint, pool);
        this.executor = new ThreadPoolExecutor(endpoint.poolSize(), endpoint.poolSize(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(endpoint.queue()), new DefaultThreadFactory("cometql", true),
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Creates the client; no connection is opened until the first call. */
    public static CometQlClient open(CometEndpoint endpoint) {
        return new CometQlClient(endpoint);
    }

    public CometEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Publishes {@code body} to every subscriber of {@code pipe} (and its history, if kept); padded
     * with JSON whitespace when CppComet would deliver it in a damaged frame ({@link CometFramePadding}).
     */
    public CompletableFuture<Void> publish(String pipe, String event, CometBody body) {
        return update(CometQlStatement.publish(pipe, event,
                CometFramePadding.padPipeLiteral(pipe, event, CometBodyLiteral.of(body))));
    }

    /** Publishes plain text (a JSON string body) — for pages that do not use {@link CometBody}. */
    public CompletableFuture<Void> publishText(String pipe, String event, String text) {
        return update(CometQlStatement.publish(pipe, event,
                CometFramePadding.padPipeLiteral(pipe, event, CometQlLiteral.ofText(text))));
    }

    /**
     * A private message: delivered to the user's live connections, or queued by the server; padded
     * like {@link #publish} so CppComet never delivers it damaged.
     */
    public CompletableFuture<Void> sendPrivate(long userId, String event, CometBody body) {
        return update(CometQlStatement.privateMessage(userId, event,
                CometFramePadding.padPrivateLiteral(event, CometBodyLiteral.of(body))));
    }

    /** Presence of each id (ids without a row are {@link UserPresence.State#UNKNOWN}); any number of ids. */
    public CompletableFuture<Map<Long, UserPresence>> presence(Collection<Long> userIds) {
        List<Long> ids = List.copyOf(userIds);
        List<CometQlStatement> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CometQlStatement.MAX_IDS) {
            chunks.add(CometQlStatement.presence(ids.subList(i, Math.min(ids.size(), i + CometQlStatement.MAX_IDS))));
        }
        return submit("presence", () -> {
            Map<Long, UserPresence> result = new LinkedHashMap<>();
            ids.forEach(id -> result.put(id, new UserPresence(id, UserPresence.State.UNKNOWN, 0)));
            for (CometQlStatement chunk : chunks) {
                for (Map<String, String> row : rows(chunk)) {
                    long id = Long.parseLong(row.getOrDefault("id", "0").trim());
                    if (result.containsKey(id)) {
                        result.put(id, UserPresence.fromTime(id, row.get("time")));
                    }
                }
            }
            return result;
        });
    }

    /** The pipe's stored history, oldest first (empty when the pipe keeps none). */
    public CompletableFuture<List<PipeHistoryEntry>> history(String pipe) {
        CometQlStatement statement = CometQlStatement.history(pipe);
        return submit("history", () -> rows(statement).stream().map(r -> new PipeHistoryEntry(
                r.getOrDefault("id", ""), number(r.get("time")), r.getOrDefault("name", pipe),
                r.getOrDefault("event", ""), r.getOrDefault("message", ""), number(r.get("user_id")))).toList());
    }

    /** The connections subscribed to {@code pipe}. */
    public CompletableFuture<List<PipeSubscriber>> subscribers(String pipe) {
        CometQlStatement statement = CometQlStatement.subscribers(pipe);
        return submit("subscribers", () -> rows(statement).stream().map(r -> new PipeSubscriber(
                r.getOrDefault("name", pipe), number(r.get("user_id")), r.getOrDefault("user_uuid", ""))).toList());
    }

    /** Subscriber connection count per pipe (0 for pipes nobody is subscribed to). */
    public CompletableFuture<Map<String, Integer>> subscriberCounts(Collection<String> pipes) {
        CometQlStatement statement = CometQlStatement.subscriberCounts(pipes);
        return submit("subscriberCounts", () -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            pipes.forEach(p -> counts.put(p, 0));
            rows(statement).forEach(r -> counts.put(r.get("name"), (int) number(r.get("users"))));
            return counts;
        });
    }

    /** Stores the key a user's WebSocket must present ({@code users_auth}). */
    public CompletableFuture<Void> setUserKey(long userId, String hash) {
        return update(CometQlStatement.setUserKey(userId, hash));
    }

    public CompletableFuture<Optional<String>> userKey(long userId) {
        CometQlStatement statement = CometQlStatement.userKey(userId);
        return submit("userKey", () -> rows(statement).stream().map(r -> r.get("hash"))
                .filter(h -> h != null && !h.isEmpty()).findFirst());
    }

    /** Removes the key; CppComet also disconnects that user's WebSockets. */
    public CompletableFuture<Void> removeUserKey(long userId) {
        return update(CometQlStatement.removeUserKey(userId));
    }

    /** Keeps the last {@code length} (0..99) messages of {@code pipe} as history. */
    public CompletableFuture<Void> setHistoryLength(String pipe, int length) {
        return update(CometQlStatement.historyLength(pipe, length));
    }

    /** Runs any INSERT/DELETE; affected-row counts are ignored (CppComet reports 0). */
    public CompletableFuture<Void> update(CometQlStatement statement) {
        return submit("update", () -> {
            execute(statement);
            return null;
        });
    }

    /** Runs any SELECT; every value as text (CppComet sends only VARCHAR, no NULLs). */
    public CompletableFuture<List<Map<String, String>>> query(CometQlStatement statement) {
        return submit("query", () -> rows(statement));
    }

    private List<Map<String, String>> rows(CometQlStatement statement) throws InterruptedException {
        return runner.run(statement, true);
    }

    private void execute(CometQlStatement statement) throws InterruptedException {
        runner.run(statement, false);
    }

    private static long number(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws Exception;
    }

    private <T> CompletableFuture<T> submit(String what, Call<T> call) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(call.run());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    future.completeExceptionally(new CometQlException("interrupted during CometQL " + what));
                } catch (Exception e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new CometQlException.Busy("CometQL queue full (" + endpoint.queue()
                    + " statements waiting) or client closed; " + what + " refused"));
        }
        return future;
    }

    /** Refuses new calls, lets running ones finish (up to 5 s), closes the connections. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        pool.close();
    }
}
