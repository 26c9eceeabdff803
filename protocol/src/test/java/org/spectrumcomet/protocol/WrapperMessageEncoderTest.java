package org.spectrumcomet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** The frame body buffer holds exactly the frame: unread frames cost what the outbound cap counts. */
class WrapperMessageEncoderTest {

    @Test
    void allocatesTheExactSizeOfTheFrame() throws Exception {
        for (int length : new int[] {0, 1, 127, 128, 8 * 1024, 8 * 1024 + 100, 70_000}) {
            ConversationMessage message = ConversationMessage.newBuilder().setUserName("u1@localhost")
                    .setBuddyName("alice").setMessage("x".repeat(length)).build();
            EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageEncoder.INSTANCE);
            channel.writeOutbound(SpectrumMessage.of(Type.TYPE_CONV_MESSAGE, message));
            ByteBuf body = channel.readOutbound();
            try {
                byte[] bytes = new byte[body.readableBytes()];
                body.getBytes(body.readerIndex(), bytes);
                assertThat(WrapperMessage.parseFrom(bytes).getPayload()).isEqualTo(message.toByteString());
                assertThat(body.capacity()).as("capacity for a %d-character message", length)
                        .isEqualTo(body.readableBytes());
            } finally {
                body.release();
            }
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void allocatesTheExactSizeOfABareFrameAndOfRawXml() {
        for (SpectrumMessage message : new SpectrumMessage[] {SpectrumMessage.of(Type.TYPE_PONG),
                SpectrumMessage.of(Type.TYPE_RAW_XML, new RawXml("<iq type='get'>é</iq>"))}) {
            EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageEncoder.INSTANCE);
            channel.writeOutbound(message);
            ByteBuf body = channel.readOutbound();
            try {
                assertThat(body.capacity()).as("%s", message.type()).isEqualTo(body.readableBytes());
            } finally {
                body.release();
            }
            channel.finish();
        }
    }

    @Test
    void framedWritesTheLengthAndTheBodyInOneExactBuffer() throws Exception {
        ConversationMessage message = ConversationMessage.newBuilder().setUserName("u1@localhost")
                .setBuddyName("alice").setMessage("x".repeat(200)).build();
        byte[] body = WrapperMessage.newBuilder().setType(Type.TYPE_CONV_MESSAGE).setPayload(message.toByteString())
                .build().toByteArray();
        EmbeddedChannel channel = new EmbeddedChannel(WrapperMessageEncoder.FRAMED);
        channel.writeOutbound(SpectrumMessage.of(Type.TYPE_CONV_MESSAGE, message));
        ByteBuf frame = channel.readOutbound();
        try {
            assertThat(frame.capacity()).isEqualTo(4 + body.length);
            assertThat(frame.readInt()).isEqualTo(body.length);
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            assertThat(bytes).isEqualTo(body);
        } finally {
            frame.release();
        }
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.finish()).isFalse();
    }
}
