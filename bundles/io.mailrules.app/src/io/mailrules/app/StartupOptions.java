package io.mailrules.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Options of the workbench application that are not Equinox's own.
 *
 * @param screenshot where to save a picture of the workbench window once it has opened, if anywhere
 * @param exitAfterStartup whether to close the workbench right after start-up (scripted smoke tests)
 * @param demo whether to start the embedded demo server and open its sample rules file
 */
public record StartupOptions(Optional<Path> screenshot, boolean exitAfterStartup, boolean demo) {

    public static final String SCREENSHOT = "--screenshot";
    public static final String EXIT_AFTER_STARTUP = "--exit-after-startup";
    public static final String DEMO = "--demo";

    public static StartupOptions parse(String[] args) {
        Optional<Path> screenshot = Optional.empty();
        boolean exit = false;
        boolean demo = false;
        for (int i = 0; args != null && i < args.length; i++) {
            if (SCREENSHOT.equals(args[i]) && i + 1 < args.length) {
                screenshot = Optional.of(Path.of(args[++i]).toAbsolutePath());
            } else if (EXIT_AFTER_STARTUP.equals(args[i])) {
                exit = true;
            } else if (DEMO.equals(args[i])) {
                demo = true;
            }
        }
        return new StartupOptions(screenshot, exit, demo);
    }
}
