package io.mailrules.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Options of the workbench application that are not Equinox's own. The launcher script accepts these (and refuses
 * others) before the workbench starts, so here a malformed one is only ignored.
 *
 * @param screenshot where to save a picture of the workbench window once it has opened, if anywhere
 * @param exitAfterStartup whether to close the workbench right after start-up (scripted smoke tests)
 * @param demo whether to start the embedded demo server and open its sample rules file
 * @param demoPort the demo server's IMAP port; 0 for a free one
 */
public record StartupOptions(Optional<Path> screenshot, boolean exitAfterStartup, boolean demo, int demoPort) {

    public static final String SCREENSHOT = "--screenshot";
    public static final String EXIT_AFTER_STARTUP = "--exit-after-startup";
    public static final String DEMO = "--demo";
    public static final String PORT = "--port";

    public static StartupOptions parse(String[] args) {
        Optional<Path> screenshot = Optional.empty();
        boolean exit = false;
        boolean demo = false;
        int port = 0;
        for (int i = 0; args != null && i < args.length; i++) {
            if (SCREENSHOT.equals(args[i]) && i + 1 < args.length) {
                screenshot = Optional.of(Path.of(args[++i]).toAbsolutePath());
            } else if (EXIT_AFTER_STARTUP.equals(args[i])) {
                exit = true;
            } else if (DEMO.equals(args[i])) {
                demo = true;
            } else if (PORT.equals(args[i]) && i + 1 < args.length) {
                port = port(args[++i]);
            }
        }
        return new StartupOptions(screenshot, exit, demo, port);
    }

    private static int port(String typed) {
        try {
            int port = Integer.parseInt(typed);
            return port >= 0 && port <= 65535 ? port : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
