package org.spectrumcomet.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Cuts a fuzz input into the pieces a socket might deliver. The first byte seeds the cuts, the
 * rest is the stream: a seed file is one byte followed by real wire bytes, and the fuzzer explores
 * both the bytes and where reads end.
 */
final class FuzzChunks {

    private FuzzChunks() {
    }

    /** The stream (everything after the first byte) in pieces of 1 byte up to the whole rest. */
    static List<byte[]> of(byte[] input) {
        List<byte[]> chunks = new ArrayList<>();
        if (input.length < 2) {
            return chunks;
        }
        int seed = input[0] & 0xFF;
        Random cuts = new Random(seed);
        // Seed 0 delivers everything at once; low seeds cut finely, high ones coarsely.
        int maxChunk = seed == 0 ? input.length : 1 + (seed % 64) * (1 + seed / 64);
        int at = 1;
        while (at < input.length) {
            int size = Math.min(input.length - at, 1 + cuts.nextInt(maxChunk));
            chunks.add(Arrays.copyOfRange(input, at, at + size));
            at += size;
        }
        return chunks;
    }
}
