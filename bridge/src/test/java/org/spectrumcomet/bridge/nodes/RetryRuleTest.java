package org.spectrumcomet.bridge.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometQlException;

class RetryRuleTest {

    private static final CometQlException UNREACHABLE = new CometQlException.Unreachable("cannot log in",
            new ConnectException("Connection refused"));
    private static final CometQlException LINK_BROKE = new CometQlException("Socket error", 0, null);
    private static final CometQlException STORE_ERR = new CometQlException("Store unreachable", 500, null);
    private static final CometQlException BAD_NAME = new CometQlException("Invalid pipe name", 12, null);

    @Test
    void aStatementThatNeverReachedTheNodeIsRetriedReadOrWrite() {
        assertThat(RetryRule.retryElsewhere(UNREACHABLE, true)).isTrue();
        assertThat(RetryRule.retryElsewhere(new CompletionException(UNREACHABLE), false)).isTrue();
        assertThat(RetryRule.unreachable(new CompletionException(UNREACHABLE))).isTrue();
    }

    @Test
    void aWriteWhoseLinkBrokeAfterItWasSentIsNotRetriedButAReadIs() {
        assertThat(RetryRule.retryElsewhere(LINK_BROKE, true)).isFalse();
        assertThat(RetryRule.retryElsewhere(LINK_BROKE, false)).isTrue();
        assertThat(RetryRule.unreachable(LINK_BROKE)).isFalse();
    }

    @Test
    void anErrAnswerAndLocalBoundsAreNeverRetriedElsewhere() {
        for (boolean write : new boolean[] {true, false}) {
            assertThat(RetryRule.retryElsewhere(STORE_ERR, write)).isFalse();
            assertThat(RetryRule.retryElsewhere(BAD_NAME, write)).isFalse();
            assertThat(RetryRule.retryElsewhere(new CometQlException.Busy("pool busy"), write)).isFalse();
            assertThat(RetryRule.retryElsewhere(new CometQlException.TooLarge("9000 bytes"), write)).isFalse();
            assertThat(RetryRule.retryElsewhere(new IllegalStateException("bug"), write)).isFalse();
        }
    }
}
