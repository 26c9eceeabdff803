package org.spectrumcomet.bridge.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometQlClient;
import org.spectrumcomet.bridge.comet.CometQlException;
import org.spectrumcomet.bridge.comet.CometQlStatement;

/** CometQL over two real comet servers, one of them stopped. */
class NodeStatementsTest {

    private TwoNodes servers;
    private CometNodes nodes;
    private NodeStatements statements;

    @BeforeEach
    void start() throws Exception {
        servers = new TwoNodes();
        nodes = new CometNodes(servers.endpoints());
        statements = new NodeStatements(nodes);
    }

    @AfterEach
    void stop() {
        statements.close();
        servers.close();
    }

    /** A pipe key whose preferred node is {@code index}. */
    private String pipeOn(int index) {
        for (int i = 0; ; i++) {
            String pipe = "nodes_pipe_" + i;
            if (servers.indexOf(nodes.choose(CometNodes.keyOf(pipe)).endpoint()) == index) {
                return pipe;
            }
        }
    }

    private List<String> history(int node, String pipe) throws Exception {
        try (CometQlClient c = CometQlClient.open(servers.endpoints().get(node))) {
            return c.history(pipe).get(10, TimeUnit.SECONDS).stream().map(h -> h.message()).toList();
        }
    }

    private void keepHistory(String pipe) throws Exception {
        for (int node = 0; node < 2; node++) {
            try (CometQlClient c = CometQlClient.open(servers.endpoints().get(node))) {
                c.setHistoryLength(pipe, 10).get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aPublishGoesToThePipesNodeWhileItIsLive() throws Exception {
        String pipe = pipeOn(0);
        keepHistory(pipe);
        statements.run(CometNodes.keyOf(pipe), "publish", true,
                c -> c.publishText(pipe, "e", "first")).get(10, TimeUnit.SECONDS);
        assertThat(history(0, pipe)).containsExactly("\"first\"");
        assertThat(history(1, pipe)).isEmpty();
    }

    @Test
    void aPublishTheDeadNodeNeverReceivedIsSentOnceToTheLiveNodeAndTheNodeIsMarkedDown() throws Exception {
        String pipe = pipeOn(0);
        keepHistory(pipe);
        servers.stop(0);
        statements.run(CometNodes.keyOf(pipe), "publish", true,
                c -> c.publishText(pipe, "e", "moved")).get(10, TimeUnit.SECONDS);
        assertThat(history(1, pipe)).containsExactly("\"moved\"");
        assertThat(nodes.all().get(0).isLive()).isFalse();
        statements.run(CometNodes.keyOf(pipe), "publish", true,
                c -> c.publishText(pipe, "e", "next")).get(10, TimeUnit.SECONDS);
        assertThat(history(1, pipe)).containsExactly("\"moved\"", "\"next\"");
    }

    @Test
    void anErrAnswerIsNotRetriedOnTheOtherNode() throws Exception {
        String pipe = pipeOn(0);
        keepHistory(pipe);
        assertThatThrownBy(() -> statements.run(CometNodes.keyOf(pipe), "bad statement", true,
                        c -> c.update(CometQlStatement.of("INSERT INTO no_such_table (a) VALUES (1)")))
                .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CometQlException.class)
                .satisfies(e -> assertThat(((CometQlException) e.getCause()).serverCode()).isNotZero());
        assertThat(nodes.live()).hasSize(2);
    }

    @Test
    void withEveryNodeDownTheStatementFailsAsUnreachable() {
        servers.stop(0);
        servers.stop(1);
        assertThatThrownBy(() -> statements.run(1, "publish", true, c -> c.publishText("nodes_any", "e", "x"))
                .get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(CometQlException.Unreachable.class);
        assertThat(nodes.live()).isEmpty();
    }
}
