/** The link: a backend process driven by the emulated main benchmark ({@code bin/bench link}). */
package org.spectrumcomet.bench.link;
