package org.spectrumcomet.conformance.suites;

import java.util.function.UnaryOperator;
import org.spectrumcomet.conformance.main.MainOptions;

/** One named check against a freshly spawned backend. Fails by throwing {@link ScenarioFailure}. */
public interface Scenario {

    String name();

    void run(ScenarioContext ctx) throws ScenarioFailure, Exception;

    /** The main instance's options for this scenario, derived from the run's (default: unchanged). */
    default MainOptions options(MainOptions base) {
        return base;
    }

    /** A step body, for lambdas. */
    @FunctionalInterface
    interface Body {
        void run(ScenarioContext ctx) throws ScenarioFailure, Exception;

    /** The main instance's options for this scenario, derived from the run's (default: unchanged). */
    default MainOptions options(MainOptions base) {
        return base;
    }
    }

    static Scenario of(String name, Body body) {
        return of(name, UnaryOperator.identity(), body);
    }

    /** A scenario whose main instance runs with adjusted options (e.g. idle reaping on). */
    static Scenario of(String name, UnaryOperator<MainOptions> adjust, Body body) {
        return new Scenario() {
            @Override
            public MainOptions options(MainOptions base) {
                return adjust.apply(base);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(ScenarioContext ctx) throws Exception {
                body.run(ctx);
            }
        };
    }
}
