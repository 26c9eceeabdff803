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

    private static ByteBuf wrapper(Type type, byte[] payload) {
        return Unpooled.wrappedBuffer(WrapperMessage.newBuilder().setType(type)
                .setPayload(com.google.protobuf.ByteString.copyFrom(payload)).build().toByteArray());
    }
}
