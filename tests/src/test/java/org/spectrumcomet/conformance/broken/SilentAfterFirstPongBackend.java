package org.spectrumcomet.conformance.broken;

/** Answers the first PING, then goes silent: the real main declares it dead and SIGABRTs STATS.id. */
public final class SilentAfterFirstPongBackend extends RawBackend {

    private boolean answered;

    public static void main(String[] args) throws InterruptedException {
        run(new SilentAfterFirstPongBackend(), args);
    }

    @Override
    protected void onPing() {
        if (!answered) {
            answered = true;
            super.onPing();
        }
    }
}
