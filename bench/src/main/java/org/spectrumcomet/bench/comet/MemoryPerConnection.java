package org.spectrumcomet.bench.comet;

/**
 * Memory a server spends per idle WebSocket connection: (after − before) / connections, where
 * before and after are heap after a full GC and process RSS at steady state. Heap is NaN for a
 * server that is not a JVM.
 */
record MemoryPerConnection(int connections, double heapBytes, double rssBytes) {

    double heapKb() {
        return heapBytes / 1024;
    }

    double rssKb() {
        return rssBytes / 1024;
    }
}
