package org.spectrumcomet.conformance.suites;

import static org.spectrumcomet.conformance.suites.ScenarioContext.require;

import java.util.List;
import org.spectrumcomet.conformance.driver.LegacyAccount;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Buddies (spec §7): the legacy contacts announced with their full state (the main overwrites
 * status, status message and icon on every BUDDY_CHANGED), and a contact the user adds confirmed.
 */
public final class RosterSuite {

    private RosterSuite() {
    }

    public static Suite suite() {
        return new Suite("roster", Suite.Kind.SCENARIO, List.of(
                Scenario.of("buddies", RosterSuite::buddies),
                Scenario.of("add-buddy", RosterSuite::addBuddy)));
    }

    private static void buddies(ScenarioContext ctx) throws Exception {
        LegacyAccount account = ctx.driver().account("social");
        long from = ctx.mark();
        ctx.loginConnected(account);
        for (String name : ctx.driver().roster(account)) {
            Buddy buddy = ctx.await(from, Type.TYPE_BUDDY_CHANGED, Buddy.class, b -> b.getUserName().equals(account.jid())
                    && b.getBuddyName().equalsIgnoreCase(name), ScenarioContext.REPLY, "BUDDY_CHANGED for contact '" + name + "'");
            require(buddy.hasStatus(), "BUDDY_CHANGED for '" + name + "' has no status (the main reads it as ONLINE)");
        }
    }

    private static void addBuddy(ScenarioContext ctx) throws Exception {
        require(ctx.driver().confirmsBuddyAdd(), "the " + ctx.driver().name() + " driver cannot confirm added contacts");
        LegacyAccount account = ctx.driver().account("adder");
        MainUser user = ctx.loginConnected(account);
        String contact = ctx.driver().contactToAdd(account);
        long from = ctx.mark();
        user.addBuddy(contact, "Dave", "New friends");
        ctx.await(from, Type.TYPE_BUDDY_CHANGED, Buddy.class, b -> b.getUserName().equals(account.jid())
                && b.getBuddyName().equalsIgnoreCase(contact), ScenarioContext.REPLY, "BUDDY_CHANGED confirming '" + contact + "'");
        if (ctx.driver().togglesPresence()) {
            presenceFollows(ctx, account, contact, false);
            presenceFollows(ctx, account, contact, true);
        }
    }

    /** The contact goes offline (or online): BUDDY_CHANGED with NONE (or a present status) follows. */
    private static void presenceFollows(ScenarioContext ctx, LegacyAccount account, String contact, boolean online)
            throws Exception {
        long from = ctx.mark();
        ctx.driver().setContactOnline(contact, online);
        ctx.await(from, Type.TYPE_BUDDY_CHANGED, Buddy.class, b -> b.getUserName().equals(account.jid())
                        && b.getBuddyName().equalsIgnoreCase(contact) && b.hasStatus()
                        && (b.getStatus() == StatusType.STATUS_NONE) != online, ScenarioContext.REPLY,
                "BUDDY_CHANGED showing '" + contact + "' " + (online ? "online" : "offline"));
    }
}
