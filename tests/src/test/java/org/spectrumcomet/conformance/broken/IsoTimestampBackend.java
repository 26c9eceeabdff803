package org.spectrumcomet.conformance.broken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Stamps room history in ISO-8601 ({@code 2024-01-31T10:15:00Z}), which crashes the real main. */
public final class IsoTimestampBackend extends RawBackend {

    public static void main(String[] args) throws InterruptedException {
        run(new IsoTimestampBackend(), args);
    }

    @Override
    protected String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
