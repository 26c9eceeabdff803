package org.spectrumcomet.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterLoadTest {

    @Test
    void everyPipesSubscribersAreSpreadOverTheNodesAndTheRemaindersRotate() {
        int perPipe = 101;
        int nodes = 3;
        int pipes = 10;
        int[] perNode = new int[nodes];
        for (int pipe = 0; pipe < pipes; pipe++) {
            int sum = 0;
            for (int node = 0; node < nodes; node++) {
                int share = ClusterLoad.share(perPipe, nodes, node, pipe);
                assertThat(share).isBetween(33, 34);
                sum += share;
                perNode[node] += share;
            }
            assertThat(sum).as("pipe " + pipe).isEqualTo(perPipe);
        }
        assertThat(perNode[0] + perNode[1] + perNode[2]).isEqualTo(perPipe * pipes);
        for (int total : perNode) {
            assertThat(total).as("node totals differ by at most one").isBetween(336, 337);
        }
    }

    @Test
    void oneNodeTakesEverySubscriber() {
        assertThat(ClusterLoad.share(100, 1, 0, 7)).isEqualTo(100);
    }
}
