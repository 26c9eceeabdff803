package org.spectrumcomet.conformance.broken;

/** Never answers PING: the real main would never give it users, then reap it. */
public final class NoPongBackend extends RawBackend {

    public static void main(String[] args) throws InterruptedException {
        run(new NoPongBackend(), args);
    }

    @Override
    protected void onPing() {
        // silent on purpose
    }
}
