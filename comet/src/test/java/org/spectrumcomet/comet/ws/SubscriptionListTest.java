package org.spectrumcomet.comet.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubscriptionListTest {

    @Test
    void splitsOnAnyCharacterOutsideTheAlphabet() throws Exception {
        SubscriptionList list = SubscriptionList.parse("web_chat\npipe.event, other-1\n\nweb_chat", false);
        assertThat(list.pipes()).containsExactly("web_chat", "pipe", "event", "other-1");
        assertThat(list.notice()).isNull();
    }

    @Test
    void anonymousSkipsPrivatePipesButKeepsLaterNames() throws Exception {
        SubscriptionList list = SubscriptionList.parse("a1\nprivate_me\nb2\nc3", false);
        assertThat(list.pipes()).containsExactly("a1", "b2", "c3");
        assertThat(list.notice()).contains("private_me");
        assertThat(SubscriptionList.parse("a1\nprivate_me\nb2", true).pipes()).containsExactly("a1", "private_me", "b2");
    }

    @Test
    void oneCharacterNamesAreSkippedNotEndingTheList() throws Exception {
        assertThat(SubscriptionList.parse("x\nab\ny\ncd", false).pipes()).containsExactly("ab", "cd");
    }

    @Test
    void keepsAtMost32Names() throws Exception {
        String names = IntStream.range(0, 40).mapToObj(i -> "p" + i).collect(Collectors.joining("\n"));
        SubscriptionList list = SubscriptionList.parse(names, false);
        assertThat(list.pipes()).hasSize(32).endsWith("p31");
        assertThat(list.notice()).startsWith("Too many letters");
    }

    @Test
    void refusesLongNamesAndLongArguments() {
        assertThat(SubscriptionList.MAX_NAME).isEqualTo(64);
        assertThatThrownBy(() -> SubscriptionList.parse("ok\n" + "n".repeat(64), false))
                .hasMessage("Channel name is too long");
        assertThatThrownBy(() -> SubscriptionList.parse("ab ".repeat(800), false))
                .hasMessageContaining("too long");
    }

    @Test
    void sixtyThreeCharactersIsFine() throws Exception {
        assertThat(SubscriptionList.parse("n".repeat(63), false).pipes()).hasSize(1);
    }
}
