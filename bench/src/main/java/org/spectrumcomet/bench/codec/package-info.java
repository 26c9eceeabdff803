/** The codec (JMH): encode+frame and decode+dispatch of WrapperMessages benchmark ({@code bin/bench codec}). */
package org.spectrumcomet.bench.codec;
