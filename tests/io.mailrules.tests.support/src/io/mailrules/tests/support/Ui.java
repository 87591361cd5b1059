package io.mailrules.tests.support;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;

/** Runs code on the UI thread from the test thread, which must never be the UI thread itself. */
public final class Ui {

    private Ui() {
    }

    public static Display display() {
        return Display.getDefault();
    }

    public static <T> T call(Supplier<T> query) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        display().syncExec(() -> {
            try {
                result.set(query.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Runs on the UI thread without waiting for it, for actions that open a modal dialog: waiting would block the
     * test thread until the dialog closed.
     */
    public static void runLater(Runnable action) {
        display().asyncExec(action);
    }

    /** Lets the UI thread process everything that is queued, including posted input events. */
    public static void settle() {
        run(() -> {
            while (display().readAndDispatch()) {
                // drain the queue
            }
        });
    }
}
