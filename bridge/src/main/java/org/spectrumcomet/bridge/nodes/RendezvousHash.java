package org.spectrumcomet.bridge.nodes;

/**
 * Highest-random-weight ("rendezvous") hashing: a key goes to the node with the highest
 * {@code score(key, node)}. Unlike {@code key mod n}, losing a node moves only that node's keys,
 * and its keys go back to it when it returns; every bridge process computes the same choice.
 */
final class RendezvousHash {

    private RendezvousHash() {
    }

    static long score(long key, long nodeSeed) {
        return mix(key ^ nodeSeed);
    }

    /** A 64-bit finalizer (the SplitMix64 constants): nearby keys get unrelated scores. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
