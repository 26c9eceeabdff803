package org.spectrumcomet.bridge.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spectrumcomet.bridge.comet.CometBody;

/**
 * A comet network in memory for session tests: records what sessions send, answers queries from
 * maps the test fills, and leaves every socket's first answer to the test ({@link Link#accept()} …).
 * Sends complete at once unless {@link #holdSends} is set.
 */
public final class FakeNetwork implements CometNetwork {

    /** One private message or pipe publish; {@code to} is the user id or the pipe. */
    public record Sent(String to, String event, CometBody body, CompletableFuture<Void> result) {
    }

    /** One opened socket. */
    public final class Link implements CometUserLink {
        public final long userId;
        public final String key;
        public final CometLinkListener listener;
        public final CompletableFuture<LinkOpening> opening = new CompletableFuture<>();
        public final List<Set<String>> subscriptions = new CopyOnWriteArrayList<>();
        public volatile boolean closed;

        Link(long userId, String key, CometLinkListener listener) {
            this.userId = userId;
            this.key = key;
            this.listener = listener;
        }

        @Override
        public CompletableFuture<LinkOpening> opened() {
            return opening;
        }

        @Override
        public void subscribe(Set<String> pipes) {
            subscriptions.add(Set.copyOf(pipes));
        }

        @Override
        public void close() {
            closed = true;
        }

        public void accept() {
            opening.complete(LinkOpening.ACCEPTED);
        }

        public void reject() {
            opening.complete(LinkOpening.REJECTED);
        }

        public void unreachable(String why) {
            opening.completeExceptionally(new java.net.ConnectException(why));
        }

        public Set<String> subscribed() {
            return subscriptions.isEmpty() ? Set.of() : subscriptions.get(subscriptions.size() - 1);
        }
    }

    public final List<Link> links = new CopyOnWriteArrayList<>();
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final Map<Long, Long> lastOnline = new HashMap<>();
    public final Map<String, List<CometMessage>> history = new HashMap<>();
    public final Map<String, List<Long>> subscribers = new HashMap<>();
    public final List<String> historyQueries = new CopyOnWriteArrayList<>();
    public volatile boolean holdSends;
    public volatile RuntimeException failQueries;
    /** When set, history, subscriber and presence answers wait for it (a query in flight). */
    public volatile CompletableFuture<Void> queryGate;

    @Override
    public CometUserLink open(long userId, String key, CometLinkListener listener) {
        Link link = new Link(userId, key, listener);
        links.add(link);
        return link;
    }

    public Link link() {
        return links.get(links.size() - 1);
    }

    @Override
    public CompletableFuture<Void> sendPrivate(long userId, String event, CometBody body) {
        return record(Long.toString(userId), event, body);
    }

    @Override
    public CompletableFuture<Void> publish(String pipe, String event, CometBody body) {
        return record(pipe, event, body);
    }

    private CompletableFuture<Void> record(String to, String event, CometBody body) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        sent.add(new Sent(to, event, body, result));
        if (!holdSends) {
            result.complete(null);
        }
        return result;
    }

    @Override
    public CompletableFuture<Map<Long, Long>> lastOnline(Collection<Long> userIds) {
        if (failQueries != null) {
            return CompletableFuture.failedFuture(failQueries);
        }
        Map<Long, Long> result = new LinkedHashMap<>();
        userIds.forEach(id -> result.put(id, lastOnline.getOrDefault(id, -1L)));
        return queryGate == null ? CompletableFuture.completedFuture(result) : queryGate.thenApply(v -> result);
    }

    @Override
    public CompletableFuture<List<CometMessage>> history(String pipe) {
        historyQueries.add(pipe);
        List<CometMessage> answer = new ArrayList<>(history.getOrDefault(pipe, List.of()));
        return queryGate == null ? CompletableFuture.completedFuture(answer) : queryGate.thenApply(v -> answer);
    }

    @Override
    public CompletableFuture<List<Long>> subscribers(String pipe) {
        List<Long> answer = subscribers.getOrDefault(pipe, List.of());
        return queryGate == null ? CompletableFuture.completedFuture(answer) : queryGate.thenApply(v -> answer);
    }

    /** Sends to {@code to} (user id or pipe) so far. */
    public List<Sent> sentTo(String to) {
        return sent.stream().filter(s -> s.to().equals(to)).toList();
    }
}
