package io.mailrules.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a person is watching: then progress is one line redrawn in place, otherwise log lines for a file. */
final class TerminalDetection {

    private TerminalDetection() {
    }

    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 on, System.console() also answers when the streams are redirected and Console.isTerminal()
        // tells the two apart; the bundle targets Java 21, where a console exists only on a terminal.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
