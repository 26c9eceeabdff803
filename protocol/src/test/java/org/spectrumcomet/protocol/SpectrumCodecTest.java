package org.spectrumcomet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** The whole pipeline, both ways, checked against the exact bytes Spectrum 2 writes. */
class SpectrumCodecTest {

    @Test
    void writesBareTypesExactlyAsSpectrumDoes() {
        assertThat(encode(SpectrumMessage.of(Type.TYPE_PING))).isEqualTo("000000020809");
        assertThat(encode(SpectrumMessage.of(Type.TYPE_PONG))).isEqualTo("00000002080a");
        assertThat(encode(SpectrumMessage.of(Type.TYPE_EXIT))).isEqualTo("00000002081d");
    }

    @Test
    void roundTripsATypedMessage() {
        Participant participant = Participant.newBuilder().setUserName("alice@localhost").setRoom("p10")
                .setNickname("alice").setFlag(16).setStatus(StatusType.STATUS_ONLINE).build();
        EmbeddedChannel writer = channel();
        writer.writeOutbound(SpectrumMessage.of(Type.TYPE_PARTICIPANT_CHANGED, participant));
        EmbeddedChannel reader = channel();
        ByteBuf part;
        while ((part = writer.readOutbound()) != null) {
            reader.writeInbound(part);
        }

        SpectrumMessage decoded = reader.readInbound();
        assertThat(decoded.type()).isEqualTo(Type.TYPE_PARTICIPANT_CHANGED);
        assertThat(decoded.payload(Participant.class)).isEqualTo(participant);
        assertThat(writer.finish()).isFalse();
        assertThat(reader.finish()).isFalse();
    }

    @Test
    void keepsTheLinkUpAfterAMalformedFrame() {
        EmbeddedChannel reader = channel();
        reader.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 3, (byte) 0xFF, (byte) 0xFF, 1, 0, 0, 0, 2, 0x08, 0x09}));

        SpectrumMessage ping = reader.readInbound();
        assertThat(ping.type()).isEqualTo(Type.TYPE_PING);
        assertThat(reader.isOpen()).isTrue();
        assertThat(reader.finish()).isFalse();
    }

    private static EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        SpectrumCodec.install(channel.pipeline(), SpectrumFrameDecoder.DEFAULT_MAX_FRAME_LENGTH, false);
        return channel;
    }

    private static String encode(SpectrumMessage message) {
        EmbeddedChannel channel = channel();
        channel.writeOutbound(message);
        StringBuilder hex = new StringBuilder();
        ByteBuf part;
        while ((part = channel.readOutbound()) != null) {
            hex.append(ByteBufUtil.hexDump(part));
            part.release();
        }
        assertThat(channel.finish()).isFalse();
        return hex.toString();
    }
}
