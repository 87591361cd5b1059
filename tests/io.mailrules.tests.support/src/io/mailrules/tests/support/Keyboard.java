package io.mailrules.tests.support;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;

/** Types as a user does: key events posted to the display's event queue, the way the X server delivers them. */
public final class Keyboard {

    private Keyboard() {
    }

    /** Presses and releases a key while holding the given modifier keys (SWT.ALT, SWT.CTRL, SWT.SHIFT). */
    public static void press(int modifiers, char character) {
        for (int modifier : modifierKeys(modifiers)) {
            post(SWT.KeyDown, modifier, '\0');
        }
        post(SWT.KeyDown, 0, character);
        post(SWT.KeyUp, 0, character);
        int[] keys = modifierKeys(modifiers);
        for (int i = keys.length - 1; i >= 0; i--) {
            post(SWT.KeyUp, keys[i], '\0');
        }
        Ui.settle();
    }

    public static void type(char character) {
        press(SWT.NONE, character);
    }

    /** Presses a key that has no character, such as SWT.ESC's key code or SWT.ARROW_DOWN. */
    public static void pressKeyCode(int keyCode) {
        post(SWT.KeyDown, keyCode, '\0');
        post(SWT.KeyUp, keyCode, '\0');
        Ui.settle();
    }

    /** Characters that need Shift on the US keyboard layout Xvfb uses, with the key that types them. */
    private static final String SHIFTED = "~!@#$%^&*()_+{}|:\"<>?";
    private static final String UNSHIFTED = "`1234567890-=[]\\;',./";

    /** Types text key by key, holding Shift where a user would; a line break is the Enter key. */
    public static void typeText(String text) {
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                enter();
            } else if (Character.isUpperCase(c)) {
                press(SWT.SHIFT, Character.toLowerCase(c));
            } else if (SHIFTED.indexOf(c) >= 0) {
                press(SWT.SHIFT, UNSHIFTED.charAt(SHIFTED.indexOf(c)));
            } else {
                type(c);
            }
        }
    }

    public static void enter() {
        post(SWT.KeyDown, SWT.CR, SWT.CR);
        post(SWT.KeyUp, SWT.CR, SWT.CR);
        Ui.settle();
    }

    public static void escape() {
        post(SWT.KeyDown, SWT.ESC, SWT.ESC);
        post(SWT.KeyUp, SWT.ESC, SWT.ESC);
        Ui.settle();
    }

    private static int[] modifierKeys(int modifiers) {
        return java.util.stream.IntStream.of(SWT.CTRL, SWT.SHIFT, SWT.ALT)
                .filter(key -> (modifiers & key) != 0)
                .toArray();
    }

    private static void post(int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        boolean posted = Ui.call(() -> Ui.display().post(event));
        if (!posted) {
            throw new AssertionError("the display refused a posted key event (is the XTEST extension missing?)");
        }
        // X delivers posted events asynchronously; give the server a moment so presses keep their order.
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
