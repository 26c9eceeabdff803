package org.spectrumcomet.conformance.main;

/**
 * Bytes the kit wrote on purpose without the codec (garbage, an oversize frame); only their size
 * and a label are recorded, not the bytes.
 */
public record RawBytes(int length, String label) {

    @Override
    public String toString() {
        return "raw " + length + " bytes (" + label + ")";
    }
}
