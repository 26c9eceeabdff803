package org.spectrumcomet.peers;

import java.nio.file.Path;

/**
 * The {@code prosody.cfg.lua} a test writes: everything in DIR, nothing from {@code /etc/prosody}.
 * The same text (with the operator's paths and ports) is what README "Run under Spectrum 2" shows.
 */
final class ProsodyConfig {

    private ProsodyConfig() {
    }

    static String text(Path dir, String host, int c2sPort, int componentPort, String component, String secret) {
        return "-- written by ProsodyServer for one test class\n"
                // this sandbox runs tests as root; Prosody refuses that unless told
                + "run_as_root = true\n"
                + "daemonize = false\n"
                + "pidfile = " + lua(dir.resolve("prosody.pid")) + "\n"
                + "data_path = " + lua(dir.resolve("data")) + "\n"
                + "certificates = " + lua(dir.resolve("certs")) + "\n"
                + "log = { debug = " + lua(dir.resolve("prosody.log")) + " }\n"
                + "admins = { }\n"
                + "modules_enabled = { \"roster\", \"saslauth\", \"disco\", \"ping\", \"presence\", \"posix\" }\n"
                + "modules_disabled = { \"s2s\" }\n"
                + "c2s_ports = { " + c2sPort + " }\n"
                + "c2s_interfaces = { \"127.0.0.1\" }\n"
                + "c2s_direct_tls_ports = { }\n"
                + "legacy_ssl_ports = { }\n"
                + "s2s_ports = { }\n"
                + "http_ports = { }\n"
                + "https_ports = { }\n"
                + "component_ports = { " + componentPort + " }\n"
                + "component_interfaces = { \"127.0.0.1\" }\n"
                // plain SASL without TLS: loopback only, no certificate to make
                + "c2s_require_encryption = false\n"
                + "allow_unencrypted_plain_auth = true\n"
                + "authentication = \"internal_plain\"\n"
                + "storage = \"internal\"\n"
                + "\n"
                + "VirtualHost \"" + host + "\"\n"
                + "\n"
                + "Component \"" + component + "\"\n"
                + "    component_secret = \"" + secret + "\"\n";
    }

    private static String lua(Path path) {
        return "\"" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
