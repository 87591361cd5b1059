package io.mailrules.tests.support;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;

import io.mailrules.ui.preview.ApplyPastChecks;

/** The question Apply asks before going past what the checks on the previewed plan would refuse. */
public final class ApplyPastChecksPage extends ShellPage {

    private ApplyPastChecksPage(Shell shell) {
        super(shell);
    }

    public static ApplyPastChecksPage waitForDialog() {
        return new ApplyPastChecksPage(ShellPage.waitFor(ApplyPastChecks.TITLE).shell);
    }

    /** What the dialog says, its labels joined by new lines. */
    public String message() {
        return String.join("\n", labelTexts());
    }

    /** Sends nothing. */
    public void cancel() {
        choose(ApplyPastChecks.CANCEL);
    }

    /** Applies the other mailboxes; the refused ones stay as they are. */
    public void applyOthersOnly() {
        choose(ApplyPastChecks.OTHERS_ONLY);
    }

    /** Applies everything, with the user's consent. */
    public void goPast() {
        choose(ApplyPastChecks.GO_PAST);
    }

    private void choose(String label) {
        activate();
        Button button = Ui.call(() -> Widgets.find(shell, Button.class, b -> b.isVisible()
                && label.equals(b.getText().replace("&", ""))).orElseThrow(() -> new AssertionError("no button '"
                        + label + "' in " + ApplyPastChecks.TITLE)));
        Mouse.click(button);
        waitUntilClosed();
    }
}
