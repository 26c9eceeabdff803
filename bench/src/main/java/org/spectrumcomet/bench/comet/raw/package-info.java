/**
 * The baseline of the comet benchmark: a minimal Netty WebSocket broadcast server, the physical
 * limit of fan-out on this machine. Every WebSocket connection is a subscriber; each line written
 * to the publish port goes out once, as one text frame shaped exactly like a comet delivery, to
 * every subscriber (one encoded buffer shared by all).
 *
 * <pre>
 * ws:      HttpServerCodec → HttpObjectAggregator → WebSocketServerProtocolHandler → RawSubscriberHandler
 * publish: LineBasedFrameDecoder → PublishLineHandler → ChannelGroup.writeAndFlush
 * </pre>
 */
package org.spectrumcomet.bench.comet.raw;
