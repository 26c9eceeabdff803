package org.spectrumcomet.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bench.comet.load.Publisher;

class RoundRobinPublisherTest {

    private final List<String> sent = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();

    private Publisher node(String name) {
        return new Publisher() {
            @Override
            public void publish(String body) {
                sent.add(name + ":" + body);
            }

            @Override
            public void close() {
                closed.add(name);
            }
        };
    }

    @Test
    void messagesTakeTurnsOverTheNodesFromTheChosenFirstOne() throws Exception {
        try (RoundRobinPublisher p = new RoundRobinPublisher(List.of(node("a"), node("b"), node("c")), 4)) {
            for (int i = 0; i < 5; i++) {
                p.publish("m" + i);
            }
        }
        assertThat(sent).containsExactly("b:m0", "c:m1", "a:m2", "b:m3", "c:m4");
        assertThat(closed).containsExactly("a", "b", "c");
    }
}
