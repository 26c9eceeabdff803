package org.spectrumcomet.bench.comet.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Publishes to the raw broadcast server: one line per message on its publish port. */
public final class LinePublisher implements Publisher {

    private final Socket socket;
    private final OutputStream out;

    public LinePublisher(InetSocketAddress publishAddress) throws IOException {
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(publishAddress, 5000);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    @Override
    public void publish(String body) throws IOException {
        out.write(body.getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // end of run
        }
    }
}
