/**
 * The codec benchmark ({@code bin/bench codec}, JMH): encode+frame and decode+dispatch of typical
 * {@code WrapperMessage}s with the protocol module's codec called directly and the backend's real dispatcher, against protobuf-java
 * alone and a plain buffer copy of the same bytes, measured in the same run.
 *
 * <pre>
 *   {@link org.spectrumcomet.bench.codec.CodecBench}          picocli command: runs JMH, then the leak check
 *     ├ {@link org.spectrumcomet.bench.codec.CodecBenchmarks}  the JMH benchmark methods (one state per {@link org.spectrumcomet.bench.codec.SampleFrame})
 *     │   └ {@link org.spectrumcomet.bench.codec.CodecPipeline}  frame decoder, wrapper decoder/encoder called directly → {@link org.spectrumcomet.bench.codec.FrameDispatch} (InboundDispatcher, inline user queue)
 *     ├ {@link org.spectrumcomet.bench.codec.CodecTable}       JMH results → Markdown rows with ratios
 *     └ {@link org.spectrumcomet.bench.codec.LeakCheck}        the same paths in one JVM with paranoid leak detection, counting reports
 * </pre>
 */
package org.spectrumcomet.bench.codec;
