package io.mailrules.tests.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import io.mailrules.app.WindowScreenshot;

/** A top-level window (a dialog or the workbench window) and the widgets inside it. */
public class ShellPage {

    protected final Shell shell;
    private final String titleWhenFound;

    protected ShellPage(Shell shell) {
        this.shell = shell;
        this.titleWhenFound = Ui.call(shell::getText);
    }

    /** Waits for a visible shell with this exact title. */
    public static ShellPage waitFor(String title) {
        Shell found = Wait.forValue("a window titled '" + title + "'", () -> Ui.call(() -> findShell(title).orElse(null)),
                Wait.DEFAULT_TIMEOUT);
        return new ShellPage(found);
    }

    public static boolean isOpen(String title) {
        return Ui.call(() -> findShell(title).isPresent());
    }

    private static Optional<Shell> findShell(String title) {
        return Arrays.stream(Ui.display().getShells())
                .filter(s -> !s.isDisposed() && s.isVisible() && title.equals(s.getText()))
                .findFirst();
    }

    public String title() {
        return Ui.call(shell::getText);
    }

    public boolean isClosed() {
        return Ui.call(() -> shell.isDisposed() || !shell.isVisible());
    }

    public void waitUntilClosed() {
        Wait.until("window '" + titleWhenFound + "' to close", this::isClosed, Duration.ofSeconds(10));
    }

    /** Presses Escape in this window, which cancels a dialog. */
    public void pressEscape() {
        activate();
        Keyboard.escape();
    }

    /**
     * Gives the window keyboard focus, as a click on it would. Xvfb runs no window manager, so nothing else
     * focuses a window that opens.
     */
    public void activate() {
        Ui.run(() -> {
            shell.forceActive();
            shell.setFocus();
        });
        Ui.settle();
    }

    /** The text of the label that the product tagged with this widget id. */
    public String labelText(String widgetId) {
        return Ui.call(() -> Widgets.all(shell).stream()
                .filter(c -> c instanceof Label && widgetId.equals(c.getData("id")))
                .map(c -> ((Label) c).getText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no label with id " + widgetId + " in '" + shell.getText() + "'")));
    }

    /** Every label text in the window, in widget order: what a user can read. */
    public List<String> labelTexts() {
        return Ui.call(() -> Widgets.all(shell).stream()
                .filter(Label.class::isInstance)
                .map(c -> ((Label) c).getText())
                .toList());
    }

    public void screenshot(Path png) {
        Ui.run(() -> WindowScreenshot.save(shell, png));
    }
}
