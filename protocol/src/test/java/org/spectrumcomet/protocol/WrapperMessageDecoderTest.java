package org.spectrumcomet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class WrapperMessageDecoderTest {

    @Test
    void decodesABareType() {
        EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageDecoder.SKIPPING);
        ByteBuf frame = Unpooled.wrappedBuffer(new byte[] {0x08, 0x09});
        channel.writeInbound(frame);

        SpectrumMessage message = channel.readInbound();
        assertThat(message.type()).isEqualTo(Type.TYPE_PING);
        assertThat(message.payload()).isNull();
        assertThat(frame.refCnt()).isZero();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void decodesATypedPayload() {
        ConversationMessage sent = ConversationMessage.newBuilder()
                .setUserName("alice@localhost").setBuddyName("42").setMessage("hi ' \" \\ <&> 😀").build();
        EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageDecoder.SKIPPING);
        channel.writeInbound(wrapper(Type.TYPE_CONV_MESSAGE, sent.toByteArray()));

        SpectrumMessage message = channel.readInbound();
        assertThat(message.type()).isEqualTo(Type.TYPE_CONV_MESSAGE);
        assertThat(message.payload(ConversationMessage.class)).isEqualTo(sent);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void skipsAPayloadMissingARequiredFieldAndKeepsDecoding() {
        // Participant without flag and status: proto2 required fields missing.
        byte[] partial = Participant.newBuilder().setUserName("u").setRoom("r").setNickname("n").buildPartial().toByteArray();
        EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageDecoder.SKIPPING);
        channel.writeInbound(wrapper(Type.TYPE_PARTICIPANT_CHANGED, partial));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x08, 0x0A}));

        SpectrumMessage next = channel.readInbound();
        assertThat(next.type()).isEqualTo(Type.TYPE_PONG);
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void reportsAPayloadMissingARequiredFieldWhenAsked() {
        byte[] partial = Participant.newBuilder().setUserName("u").setRoom("r").setNickname("n").buildPartial().toByteArray();
        EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageDecoder.REPORTING);
        channel.writeInbound(wrapper(Type.TYPE_PARTICIPANT_CHANGED, partial));

        MalformedFrame malformed = channel.readInbound();
        assertThat(malformed.typeNumber()).isEqualTo(13);
        assertThat(malformed.reason()).contains("TYPE_PARTICIPANT_CHANGED").contains("flag");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void reportsAnUnknownTypeNumber() {
        EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageDecoder.REPORTING);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x08, 0x63})); // type 99

        MalformedFrame malformed = channel.readInbound();
        assertThat(malformed.typeNumber()).isEqualTo(99);
        assertThat(malformed.length()).isEqualTo(2);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void reportsTheDeadFileTransferTypes() {
        EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageDecoder.REPORTING);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x08, 0x18})); // FT_START

        MalformedFrame malformed = channel.readInbound();
        assertThat(malformed.typeNumber()).isEqualTo(24);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void reportsGarbageAndEmptyFrames() {
        EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageDecoder.REPORTING);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x01}));
        channel.writeInbound(Unpooled.EMPTY_BUFFER);

        MalformedFrame garbage = channel.readInbound();
        MalformedFrame empty = channel.readInbound();
        assertThat(garbage.typeNumber()).isEqualTo(-1);
        assertThat(garbage.length()).isEqualTo(3);
        assertThat(empty.length()).isZero();
        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void readsRawXmlAsText() {
        EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageDecoder.SKIPPING);
        channel.writeInbound(wrapper(Type.TYPE_RAW_XML, "<message to='a@b'/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        SpectrumMessage message = channel.readInbound();
        assertThat(message.payload(RawXml.class).xml()).isEqualTo("<message to='a@b'/>");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void readsFramesWrittenInAnyFieldOrderAlike() {
        ConversationMessage sent = ConversationMessage.newBuilder().setUserName("alice@localhost").setBuddyName("42")
                .setMessage("hé").build();
        byte[] canonical = WrapperMessage.newBuilder().setType(Type.TYPE_CONV_MESSAGE).setPayload(sent.toByteString())
                .build().toByteArray();
        // payload first, type last: legal protobuf that the in-place path leaves to protobuf-java
        byte[] payloadFirst = new byte[canonical.length];
        System.arraycopy(canonical, 2, payloadFirst, 0, canonical.length - 2);
        System.arraycopy(canonical, 0, payloadFirst, canonical.length - 2, 2);
        // the type repeated after the payload: the last one wins, as in protobuf-java
        byte[] typeTwice = java.util.Arrays.copyOf(canonical, canonical.length + 2);
        typeTwice[canonical.length] = 0x08;
        typeTwice[canonical.length + 1] = 0x09;

        for (byte[] body : new byte[][] {canonical, payloadFirst}) {
            Object read = WrapperMessageDecoder.REPORTING.read(Unpooled.wrappedBuffer(body));
            assertThat(read).isEqualTo(new SpectrumMessage(Type.TYPE_CONV_MESSAGE, sent));
        }
        assertThat(((SpectrumMessage) WrapperMessageDecoder.REPORTING.read(Unpooled.wrappedBuffer(typeTwice))).type())
                .isEqualTo(Type.TYPE_PING);
    }

    @Test
    void readsInPlaceFromADirectBufferAndAnOffsetSlice() {
        ConversationMessage sent = ConversationMessage.newBuilder().setUserName("u@localhost").setBuddyName("b")
                .setMessage("x".repeat(300)).build();
        byte[] body = WrapperMessage.newBuilder().setType(Type.TYPE_CONV_MESSAGE).setPayload(sent.toByteString())
                .build().toByteArray();
        ByteBuf direct = Unpooled.directBuffer().writeBytes(body);
        ByteBuf offset = Unpooled.buffer().writeZero(7).writeBytes(body).skipBytes(7);
        try {
            for (ByteBuf frame : new ByteBuf[] {direct, offset}) {
                assertThat(WrapperMessageDecoder.REPORTING.read(frame)).isEqualTo(new SpectrumMessage(Type.TYPE_CONV_MESSAGE, sent));
            }
        } finally {
            direct.release();
            offset.release();
        }
    }

    @Test
    void reportsATruncatedPayloadLengthAsMalformed() {
        // the payload announces 5 bytes, 2 follow
        Object read = WrapperMessageDecoder.REPORTING.read(Unpooled.wrappedBuffer(new byte[] {0x08, 0x08, 0x12, 0x05, 0x0A, 0x00}));
        assertThat(read).isInstanceOf(MalformedFrame.class);
        assertThat(((MalformedFrame) read).length()).isEqualTo(6);
    }

    private static ByteBuf wrapper(Type type, byte[] payload) {
        return Unpooled.wrappedBuffer(WrapperMessage.newBuilder().setType(type)
                .setPayload(com.google.protobuf.ByteString.copyFrom(payload)).build().toByteArray());
    }
}
