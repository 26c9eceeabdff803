/**
 * The bridge end-to-end against the real CppComet ({@code $CPPCOMET_HOME}, skipped when unset):
 * every conformance suite with the comet driver, hostile bodies, and CppComet's documented
 * differences from our comet server asserted directly (spec Part I quirks, Part II).
 */
package org.spectrumcomet.cppcomet;
