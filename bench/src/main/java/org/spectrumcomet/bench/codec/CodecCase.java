package org.spectrumcomet.bench.codec;

/** The benchmark methods as table rows, each with the baseline its ratio is taken against. */
enum CodecCase {

    ENCODE_FRAME("encodeFrame", "encode+frame", "protobufSerialise"),
    PROTOBUF_SERIALISE("protobufSerialise", "protobuf serialise (baseline)", "protobufSerialise"),
    DECODE_DISPATCH("decodeDispatch", "decode+dispatch", "protobufParse"),
    PROTOBUF_PARSE("protobufParse", "protobuf parse (baseline)", "protobufParse"),
    BUFFER_COPY("bufferCopy", "buffer copy (baseline)", "protobufParse");

    private final String method;
    private final String label;
    private final String baselineMethod;

    CodecCase(String method, String label, String baselineMethod) {
        this.method = method;
        this.label = label;
        this.baselineMethod = baselineMethod;
    }

    String method() {
        return method;
    }

    String label() {
        return label;
    }

    String baselineMethod() {
        return baselineMethod;
    }

    /** The row label for this case on {@code sample}. */
    String rowLabel(SampleFrame sample) {
        return sample.name() + " " + label;
    }
}
