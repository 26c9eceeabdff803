-- Prosody: accept the comet transport (Spectrum 2, examples/spectrum.cfg) as an external component.
-- Put this in /etc/prosody/conf.d/comet.cfg.lua and reload Prosody.
-- The host and secret must match [service] jid and password of the Spectrum config; Spectrum
-- connects to Prosody's component port (component_ports, 5347 by default) on [service] server:port.
-- ProsodyGatewayIT runs Prosody 0.12 with exactly these lines (its own port and secret) in front
-- of the real Spectrum 2; the privilege lines below are not tested.

component_ports = { 5347 }
component_interfaces = { "127.0.0.1" }

Component "comet.example.org"
    component_secret = "component-secret"
    -- Let the transport push roster items and send presence/messages on behalf of its contacts
    -- (XEP-0356 privileged entity, XEP-0321 remote roster; needs mod_privilege from prosody-modules).
    -- modules_enabled = { "privilege" }

-- On the users' host, allow the transport to manage rosters (prosody-modules: mod_privilege).
-- VirtualHost "example.org"
--     modules_enabled = { "privilege" }
--     privileged_entities = {
--         ["comet.example.org"] = { roster = "both", message = "outgoing", presence = "roster" },
--     }
