package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spectrumcomet.bridge.comet.servers.CometServerUnderTest;
import org.spectrumcomet.bridge.comet.servers.OurCometServerExtension;

/**
 * The retry rule after a broken link, against our server behind a {@link LinkCutter} that kills
 * every CometQL connection at once (what a comet restart does to the bridge's pool).
 */
@ExtendWith(OurCometServerExtension.class)
class CometQlRunnerTest {

    private CometServerUnderTest server;
    private LinkCutter cutter;
    private CometQlClient client;

    @BeforeEach
    void open(CometServerUnderTest server) throws Exception {
        this.server = server;
        this.cutter = new LinkCutter(server.endpoint().cometqlHost(), server.endpoint().cometqlPort());
        Map<String, String> config = new HashMap<>();
        config.put("cometql", "127.0.0.1:" + cutter.port());
        config.put("user", server.endpoint().user());
        config.put("key", server.endpoint().key());
        config.put("pool_size", "3");
        config.put("query_timeout", "5s");
        this.client = CometQlClient.open(CometEndpoint.fromConfig(config));
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        cutter.close();
    }

    @Test
    void aReadOnADeadPooledConnectionIsRetriedOnceOnAFreshOne() throws Exception {
        String pipe = "retry_" + CometQlClientContract.freshUserId();
        await(client.setHistoryLength(pipe, 10));
        await(client.publish(pipe, "message", CometBody.text("7", "n", "before", "b1", 1L)));
        cutter.cutAll();

        List<PipeHistoryEntry> history = await(client.history(pipe));

        assertThat(history).extracting(h -> h.body().text()).containsExactly("before");
    }

    @Test
    void allIdleConnectionsAreEvictedWhenOneIsFoundBroken() throws Exception {
        String pipe = "evict_" + CometQlClientContract.freshUserId();
        fillPool(pipe);
        int before = cutter.accepted();
        assertThat(before).isGreaterThanOrEqualTo(2);
        cutter.cutAll();

        for (int i = 0; i < 3; i++) {
            await(client.history(pipe));
        }

        // one fresh connection serves all three reads: the other dead ones were closed, not tried
        assertThat(cutter.accepted() - before).isEqualTo(1);
    }

    @Test
    void aWriteSentOnABrokenLinkIsReportedNotRetried() throws Exception {
        String pipe = "write_" + CometQlClientContract.freshUserId();
        await(client.setHistoryLength(pipe, 10));
        int before = cutter.accepted();
        cutter.cutAll();

        assertThatThrownBy(() -> await(client.publish(pipe, "message", CometBody.text("7", "n", "lost?", "w1", 1L))))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(CometQlException.class)
                .satisfies(e -> assertThat(((CometQlException) e).serverCode()).isZero());
        assertThat(cutter.accepted()).as("no second connection for the write").isEqualTo(before);

        await(client.publish(pipe, "message", CometBody.text("7", "n", "after", "w2", 2L)));
        assertThat(await(client.history(pipe))).extracting(h -> h.body().text()).containsExactly("after");
    }

    @Test
    void serverErrorsAreNotRetried() throws Exception {
        await(client.history("warmup_" + CometQlClientContract.freshUserId()));
        int before = cutter.accepted();
        assertThatThrownBy(() -> await(client.update(CometQlStatement.of(
                "INSERT INTO users_time (id, time) VALUES (5, 0)"))))
                .cause().isInstanceOf(CometQlException.class)
                .satisfies(e -> assertThat(((CometQlException) e).serverCode()).isEqualTo(10));
        await(client.history("after_" + CometQlClientContract.freshUserId()));
        assertThat(cutter.accepted()).as("the connection survived an ERR packet").isEqualTo(before);
    }

    /** Opens several pooled connections by running reads at the same time. */
    private void fillPool(String pipe) throws Exception {
        for (int round = 0; round < 20 && cutter.accepted() < 3; round++) {
            CompletableFuture<?>[] reads = new CompletableFuture<?>[6];
            for (int i = 0; i < reads.length; i++) {
                reads[i] = client.history(pipe);
            }
            CompletableFuture.allOf(reads).get(20, TimeUnit.SECONDS);
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }
}
