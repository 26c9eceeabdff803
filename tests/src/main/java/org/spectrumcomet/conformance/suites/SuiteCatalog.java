package org.spectrumcomet.conformance.suites;

import java.util.List;
import java.util.Locale;

/** Every suite, in running order, and selection by name or kind. */
public final class SuiteCatalog {

    private SuiteCatalog() {
    }

    public static List<Suite> all() {
        return List.of(
                HandshakeSuite.suite(), LivenessSuite.suite(), LifecycleSuite.suite(), RobustnessSuite.suite(),
                SessionSuite.suite(), LoginSuite.suite(), ChatSuite.suite(), RoomSuite.suite(), RosterSuite.suite(),
                VCardSuite.suite());
    }

    /**
     * The suites {@code selector} names: {@code all}, a kind ({@code protocol}, {@code scenario}),
     * or a suite name; comma-separated.
     *
     * @throws IllegalArgumentException naming the known suites for an unknown name
     */
    public static List<Suite> select(String selector) {
        List<Suite> chosen = new java.util.ArrayList<>();
        for (String part : selector.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            List<Suite> matching = all().stream().filter(s -> name.equals("all")
                    || s.name().equals(name) || s.kind().name().toLowerCase(Locale.ROOT).equals(name)).toList();
            if (matching.isEmpty()) {
                throw new IllegalArgumentException("unknown suite '" + part.strip() + "'; known: all, protocol, scenario, "
                        + String.join(", ", all().stream().map(Suite::name).toList()));
            }
            matching.stream().filter(s -> !chosen.contains(s)).forEach(chosen::add);
        }
        return chosen;
    }
}
