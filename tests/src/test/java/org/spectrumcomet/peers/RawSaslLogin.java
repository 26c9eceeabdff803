package org.spectrumcomet.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A SASL PLAIN login over a raw socket that returns the server's literal answer. Smack cannot show
 * it: Spectrum 2 answers a rejected password with {@code <failure/>} without the condition element
 * RFC 6120 §6.4.5 requires, and Smack 4.4's parser fails on that (NullPointerException) and reports
 * only a reply timeout.
 */
public final class RawSaslLogin {

    private RawSaslLogin() {
    }

    /** What the server sent after {@code <auth/>}, up to {@code <success/>}, {@code <failure>}'s stream end or EOF. */
    public static String answer(int port, String domain, String user, String password) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) SmackClients.REPLY_TIMEOUT_MS);
            InputStream in = socket.getInputStream();
            send(socket, "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                    + "xmlns:stream='http://etherx.jabber.org/streams' to='" + domain + "' version='1.0'>");
            readUntil(in, "</stream:features>");
            String credentials = Base64.getEncoder().encodeToString(
                    ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
            send(socket, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials + "</auth>");
            return readUntil(in, "</stream:stream>", "<success");
        }
    }

    private static void send(Socket socket, String xml) throws IOException {
        socket.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads until one of {@code ends} was seen, EOF or the read timeout; returns what was read. */
    private static String readUntil(InputStream in, String... ends) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                read.write(buffer, 0, n);
                String text = read.toString(StandardCharsets.UTF_8);
                for (String end : ends) {
                    if (text.contains(end)) {
                        return text;
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            // Return what arrived: the caller's assertion shows it.
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
