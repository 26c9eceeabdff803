package org.spectrumcomet.cppcomet;

/** What the CppComet classes need to know about the peer bundle. */
final class CppCometPeer {

    /** Why the CppComet classes are skipped on a machine without the peer. */
    static final String UNAVAILABLE = "CppComet not available: set CPPCOMET_HOME to the peer folder "
            + "(/work/shared/peers/cppcomet) to run the bridge end-to-end against the real CppComet";

    private CppCometPeer() {
    }
}
