package org.spectrumcomet.bridge.session;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns a failed future's exception into the short reason shown to users and written to logs. */
public final class Failures {

    private Failures() {
    }

    public static String reason(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            return "comet did not answer in time";
        }
        if (t instanceof RejectedExecutionException) {
            return t.getMessage();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
