package io.mailrules.ui.preview;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import io.mailrules.core.check.Consent;
import io.mailrules.core.check.Refusal;

/**
 * Asks before Apply goes past what the checks on the previewed plan would refuse: going past means the user's
 * consent, sending fewer means the refused mailboxes stay as they are, and cancelling sends nothing.
 */
public final class ApplyPastChecks {

    public static final String TITLE = "Apply Past the Checks?";
    public static final String GO_PAST = "Go Past";
    public static final String OTHERS_ONLY = "Apply Others Only";
    public static final String CANCEL = "Cancel";

    /** What the user chose; the consent to apply with, unless cancelled. */
    public record Choice(boolean cancelled, Consent consent) {
    }

    private ApplyPastChecks() {
    }

    public static Choice ask(Shell shell, List<Refusal> refusals) {
        boolean large = refusals.stream().anyMatch(refusal -> refusal.consent() == Consent.Kind.LARGE);
        boolean unsupported = refusals.stream().anyMatch(refusal -> refusal.consent() == Consent.Kind.UNSUPPORTED);
        String goPast = (large ? GO_PAST + " changes more than the limits allow" : "")
                + (large && unsupported ? ", and " : "")
                + (unsupported ? (large ? "leaves out" : GO_PAST + " leaves out")
                        + " what the server cannot do safely (flags and copies still run)" : "") + ".";
        String message = "Apply would refuse these mailboxes before sending anything to them:\n\n"
                + refusals.stream().map(refusal -> "- " + refusal.message()).collect(Collectors.joining("\n"))
                + "\n\n" + goPast + " " + OTHERS_ONLY + " applies the other mailboxes; the refused ones stay as"
                + " they are and show as refused in the Runs view.";
        MessageDialog dialog = new MessageDialog(shell, TITLE, null, message, MessageDialog.WARNING, 2, GO_PAST,
                OTHERS_ONLY, CANCEL);
        return switch (dialog.open()) {
            case 0 -> new Choice(false, new Consent(large, unsupported));
            case 1 -> new Choice(false, Consent.NONE);
            default -> new Choice(true, Consent.NONE);
        };
    }
}
