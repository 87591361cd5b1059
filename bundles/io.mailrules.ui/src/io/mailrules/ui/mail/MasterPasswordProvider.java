package io.mailrules.ui.mail;

import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * Unlocks the default secure storage with a master password the user types once per session. Equinox brings no
 * password provider of its own outside the Eclipse IDE, and without one nothing could be stored encrypted.
 */
public final class MasterPasswordProvider extends PasswordProvider {

    public static final String TITLE = "Mailrules Secure Storage";

    @Override
    public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return null;
        }
        boolean create = (passwordType & CREATE_NEW_PASSWORD) != 0;
        Display display = PlatformUI.getWorkbench().getDisplay();
        AtomicReference<String> typed = new AtomicReference<>();
        display.syncExec(() -> {
            String first = ask(display, create ? "Choose a master password that protects the mailbox passwords"
                    + " Mailrules keeps:" : "Master password of the mailbox passwords Mailrules keeps:");
            if (first != null && create) {
                String again = ask(display, "Type the master password again:");
                if (!first.equals(again)) {
                    return;
                }
            }
            typed.set(first);
        });
        return typed.get() == null ? null : new PBEKeySpec(typed.get().toCharArray());
    }

    private static String ask(Display display, String message) {
        InputDialog dialog = new InputDialog(display.getActiveShell(), TITLE, message, "",
                text -> text.isEmpty() ? "The master password must not be empty" : null) {
            @Override
            protected int getInputTextStyle() {
                return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
            }
        };
        return dialog.open() == Window.OK ? dialog.getValue() : null;
    }

    // A mistyped master password may be typed again.
    @Override
    public boolean retryOnError(Exception e, IPreferencesContainer container) {
        return true;
    }
}
