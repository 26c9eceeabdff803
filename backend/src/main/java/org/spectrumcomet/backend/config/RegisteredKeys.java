package org.spectrumcomet.backend.config;

import java.util.Set;

/**
 * The keys Spectrum's main registers with program_options, the only ones in which it replaces
 * {@code $jid} by {@code service.jid} (spec §1.2). Unregistered keys — e.g. a backend's own
 * {@code [comet]} section — keep {@code $jid} literally, exactly as the main would see them.
 */
final class RegisteredKeys {

    private static final Set<String> KEYS = Set.of(
            "service.jid", "service.server", "service.password", "service.cert", "service.cert_password",
            "service.port", "service.backend_host", "service.backend_port", "service.users_per_backend",
            "service.backend", "service.protocol", "service.pidfile", "service.portfile", "service.working_dir",
            "service.allowed_servers", "service.admin_jid", "service.admin_password", "service.reuse_old_backends",
            "service.idle_reconnect_time", "service.memory_collector_time", "service.more_resources",
            "service.enable_privacy_lists", "service.enable_xhtml", "service.max_room_list_size",
            "service.login_delay", "service.jid_escaping", "service.vcard_req_timeout", "service.web_directory",
            "service.web_url", "service.server_mode", "service.user", "service.group", "service.base_location",
            "service.frontend", "service.enable_remove_buddy", "service.oob_replace_body", "service.oob_split",
            "vhosts.vhost", "identity.name", "identity.category", "identity.type",
            "registration.enable_public_registration", "registration.language", "registration.instructions",
            "registration.username_label", "registration.username_mask", "registration.encoding",
            "registration.auto_register", "registration.allowed_usernames", "registration.require_local_account",
            "registration.local_username_label", "registration.local_account_server",
            "registration.local_account_server_timeout",
            "gateway_responder.prompt", "gateway_responder.label",
            "database.type", "database.database", "database.server", "database.port", "database.user",
            "database.password", "database.prefix", "database.connectionstring", "database.encryption_key",
            "logging.config", "logging.backend_config",
            "backend.default_avatar", "backend.avatars_directory", "backend.no_vcard_fetch", "backend.incoming_dir");

    private RegisteredKeys() {
    }

    static boolean isRegistered(String fullKey) {
        return KEYS.contains(fullKey);
    }
}
