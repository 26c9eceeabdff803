package org.spectrumcomet.conformance.main;

/**
 * Spectrum's per-backend ping bookkeeping (NetworkPluginServer's {@code pongReceived}), without
 * I/O: the first real PONG makes a backend ready; after that any decodable frame answers a PING;
 * at each tick an answered backend gets a new PING and an unanswered one is dead. A backend that
 * never PONGed is left alone by this logic (Spectrum reaps it as idle instead).
 */
final class PingSchedule {

    /** What a tick asks the link to do. */
    enum Action {
        /** Send a PING and wait for any frame. */
        PING,
        /** No frame since the last PING: close the backend (and Spectrum would SIGABRT it). */
        DEAD,
        /** Still no first PONG: nothing to send; the backend gets no users. */
        AWAIT_FIRST_PONG
    }

    private enum State { NEVER, RECEIVED, AWAITING }

    private State state = State.NEVER;

    /**
     * Notes a decodable frame from the backend.
     *
     * @return true when this is the first PONG (the backend just became ready)
     */
    synchronized boolean onFrame(boolean pong) {
        if (state == State.NEVER) {
            if (pong) {
                state = State.RECEIVED;
                return true;
            }
            return false; // only a real PONG counts first
        }
        state = State.RECEIVED;
        return false;
    }

    synchronized Action tick() {
        switch (state) {
            case RECEIVED -> {
                state = State.AWAITING;
                return Action.PING;
            }
            case AWAITING -> {
                return Action.DEAD;
            }
            default -> {
                return Action.AWAIT_FIRST_PONG;
            }
        }
    }

    synchronized boolean ready() {
        return state != State.NEVER;
    }
}
