package org.spectrumcomet.comet.engine.local;

import java.util.function.LongSupplier;
import org.spectrumcomet.comet.engine.UserConnections;

/** The in-memory side of one tenant: pipe membership and users' live connections. */
final class TenantState {

    final String tenant;
    final Subscriptions subscriptions;
    final UserConnections users = new UserConnections();

    TenantState(String tenant, LongSupplier now) {
        this.tenant = tenant;
        this.subscriptions = new Subscriptions(tenant, now);
    }
}
