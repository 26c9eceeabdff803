package org.spectrumcomet.protocol;

/**
 * A frame that could not be decoded: an unparsable wrapper, an unknown type, or a payload that is
 * not the type's message (for instance a proto2 required field missing). Passed down the pipeline
 * only when {@link WrapperMessageDecoder} was asked to report such frames (the conformance kit
 * wants to flag them); otherwise they are logged and skipped.
 *
 * @param typeNumber the wrapper's type number, or -1 when the wrapper itself did not parse
 * @param length the frame's length in bytes
 * @param reason what was wrong, for humans
 */
public record MalformedFrame(int typeNumber, int length, String reason) {
}
