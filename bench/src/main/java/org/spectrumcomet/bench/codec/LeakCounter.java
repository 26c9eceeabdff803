package org.spectrumcomet.bench.codec;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts Netty's leak reports instead of only logging them, so a benchmark can state "0 leaks" as
 * a number. Must be installed before the first ByteBuf class loads: buffers take their detector
 * from the factory once, in a static initialiser.
 */
final class LeakCounter extends ResourceLeakDetectorFactory {

    private static final AtomicLong REPORTS = new AtomicLong();

    private LeakCounter() {
    }

    static void install() {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new LeakCounter());
    }

    static long reports() {
        return REPORTS.get();
    }

    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
        return new Counting<>(resource, samplingInterval);
    }

    @Override
    @SuppressWarnings("deprecation")
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval, long maxActive) {
        return new Counting<>(resource, samplingInterval);
    }

    /** Netty's detector, counting each report it makes (it still logs them). */
    private static final class Counting<T> extends ResourceLeakDetector<T> {

        Counting(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            REPORTS.incrementAndGet();
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            REPORTS.incrementAndGet();
            super.reportUntracedLeak(resourceType);
        }
    }
}
