package org.spectrumcomet.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerTest {

    private final WindowLatency latency = new WindowLatency();

    @Test
    void everyExpectedDeliveryOnceIsReceivedWithItsLatency() {
        Ledger ledger = new Ledger(1_000_000_000L, 1_000_000_000L, latency);
        long seq = ledger.expect(TrafficKind.ROOM_FROM_XMPP, System.nanoTime(), 1, 2, 3);
        ledger.delivered(seq, 1);
        ledger.delivered(seq, 2);
        ledger.delivered(seq, 3);
        ledger.sweep(true);

        Ledger.Counts c = ledger.counts(TrafficKind.ROOM_FROM_XMPP);
        assertThat(c.messages()).isEqualTo(1);
        assertThat(c.sent()).isEqualTo(3);
        assertThat(c.received()).isEqualTo(3);
        assertThat(ledger.totalLost()).isZero();
        assertThat(ledger.totalDuplicates()).isZero();
        assertThat(ledger.openMessages()).isZero();
        assertThat(latency.nextWindow().count()).isEqualTo(3);
    }

    @Test
    void aMissingDeliveryIsLostAtTheTimeoutAndLateWhenItComesAfter() throws Exception {
        Ledger ledger = new Ledger(20_000_000L, 10_000_000_000L, latency);
        long seq = ledger.expect(TrafficKind.XMPP_TO_WEB, System.nanoTime(), 7);
        ledger.sweep(false);
        assertThat(ledger.totalLost()).as("not yet past the timeout").isZero();
        Thread.sleep(30);
        ledger.sweep(false);
        assertThat(ledger.counts(TrafficKind.XMPP_TO_WEB).lost()).isEqualTo(1);

        ledger.delivered(seq, 7);
        assertThat(ledger.counts(TrafficKind.XMPP_TO_WEB).late()).isEqualTo(1);
        assertThat(ledger.totalLost()).as("a late delivery stays lost").isEqualTo(1);
        assertThat(ledger.totalReceived()).isZero();
    }

    @Test
    void aSecondDeliveryToTheSameRecipientIsADuplicateBeforeAndAfterCompletion() {
        Ledger ledger = new Ledger(1_000_000_000L, 1_000_000_000L, latency);
        long seq = ledger.expect(TrafficKind.ROOM_FROM_WEB, System.nanoTime(), 1, 2);
        ledger.delivered(seq, 1);
        ledger.delivered(seq, 1);
        ledger.delivered(seq, 2);
        ledger.delivered(seq, 2);

        assertThat(ledger.counts(TrafficKind.ROOM_FROM_WEB).duplicates()).isEqualTo(2);
        assertThat(ledger.totalReceived()).isEqualTo(2);
    }

    @Test
    void deliveriesToSomeoneNotExpectedAreIgnored() {
        Ledger ledger = new Ledger(1_000_000_000L, 1_000_000_000L, latency);
        long seq = ledger.expect(TrafficKind.ROOM_FROM_WEB, System.nanoTime(), 1);
        ledger.delivered(seq, 99); // the web sender sees its own room message
        ledger.delivered(seq, 1);
        ledger.delivered(seq, 99);

        assertThat(ledger.totalDuplicates()).isZero();
        assertThat(ledger.totalReceived()).isEqualTo(1);
    }

    @Test
    void aHistoryReplayOfAMessageAlreadyThereIsNotADuplicate() {
        Ledger ledger = new Ledger(1_000_000_000L, 1_000_000_000L, latency);
        long seq = ledger.expect(TrafficKind.ROOM_FROM_XMPP, System.nanoTime(), 1, 2);
        ledger.delivered(seq, 1);
        ledger.delivered(seq, 1, true);
        ledger.delivered(seq, 2, true); // first seen through history: a delivery
        ledger.delivered(seq, 2, true);

        assertThat(ledger.totalReceived()).isEqualTo(2);
        assertThat(ledger.totalDuplicates()).isZero();
        assertThat(ledger.replays()).isEqualTo(2);
    }

    @Test
    void theSequenceIsReadFromAnyTextThatCarriesIt() {
        String text = Ledger.text(42, TrafficKind.PRESENCE);
        assertThat(text).isEqualTo("soak 42 pr");
        assertThat(Ledger.seqIn("{\"pipe\":\"msg\",\"data\":{\"text\":\"" + text + "\"}}")).isEqualTo(42);
        assertThat(Ledger.seqIn("soak 42")).as("no tag after the number").isEqualTo(-1);
        assertThat(Ledger.seqIn("hello")).isEqualTo(-1);
    }

    @Test
    void theSharesOfTheMixAddUpToOneHundred() {
        assertThat(java.util.Arrays.stream(TrafficKind.values()).mapToInt(TrafficKind::share).sum()).isEqualTo(100);
        assertThat(TrafficKind.forRoll(0)).isEqualTo(TrafficKind.XMPP_TO_WEB);
        assertThat(TrafficKind.forRoll(99)).isEqualTo(TrafficKind.LOGIN);
    }
}
