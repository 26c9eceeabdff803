package org.spectrumcomet.bench.comet.load;

/** Publishes one benchmark body to the pipe under test; used by one thread at a time. */
public interface Publisher extends AutoCloseable {

    /** Returns once the server has accepted the message (CometQL) or it is written (raw). */
    void publish(String body) throws Exception;

    @Override
    void close();
}
