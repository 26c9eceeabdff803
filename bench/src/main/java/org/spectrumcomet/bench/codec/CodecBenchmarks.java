package org.spectrumcomet.bench.codec;

import com.google.protobuf.MessageLite;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.spectrumcomet.protocol.PayloadTypes;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;

/**
 * The JMH methods: our pipeline ({@link #encodeFrame}, {@link #decodeDispatch}) and, on the same
 * bytes, the baselines protobuf-java alone ({@link #protobufSerialise}, {@link #protobufParse}) and
 * a plain copy into a pooled buffer ({@link #bufferCopy}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmarks {

    @Param({"CONV_MESSAGE", "PARTICIPANT_CHANGED", "PING"})
    public SampleFrame sample;

    private SpectrumMessage message;
    private byte[] body;
    private byte[] frame;
    private CodecPipeline pipeline;

    @Setup
    public void setUp() {
        message = sample.message();
        body = sample.body();
        frame = sample.frame();
        pipeline = new CodecPipeline();
    }

    @TearDown
    public void tearDown() {
        if (pipeline.dispatch().malformed() > 0) {
            throw new IllegalStateException(pipeline.dispatch().malformed() + " frames did not decode");
        }
        pipeline.close();
    }

    @Benchmark
    public int encodeFrame() {
        return pipeline.encode(message);
    }

    @Benchmark
    public void decodeDispatch(Blackhole bh) {
        bh.consume(pipeline.decode(frame));
        bh.consume(pipeline.dispatch().userChars());
    }

    /** What protobuf-java alone does to produce the same body: build the wrapper and serialise it. */
    @Benchmark
    public byte[] protobufSerialise() {
        WrapperMessage.Builder wrapper = WrapperMessage.newBuilder().setType(message.type());
        if (message.payload() instanceof MessageLite payload) {
            wrapper.setPayload(payload.toByteString());
        }
        return wrapper.build().toByteArray();
    }

    /** What protobuf-java alone does to read it: parse the wrapper, then the payload as its type. */
    @Benchmark
    public Object protobufParse() throws Exception {
        WrapperMessage wrapper = WrapperMessage.parseFrom(body);
        return PayloadTypes.isKnown(wrapper.getType()) ? PayloadTypes.parse(wrapper.getType(), wrapper.getPayload()) : wrapper;
    }

    /** The physical floor: copying the frame's bytes into a pooled buffer and releasing it. */
    @Benchmark
    public int bufferCopy() {
        ByteBuf copy = ByteBufAllocator.DEFAULT.buffer(frame.length).writeBytes(frame);
        int readable = copy.readableBytes();
        copy.release();
        return readable;
    }
}
