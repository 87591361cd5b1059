package io.mailrules.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailrules.app.StartupOptions;

/** The workbench's own application arguments, among the ones Equinox passes on. */
class StartupOptionsTest {

    @Test
    void demoScreenshotAndExitAreRecognisedInAnyOrder() {
        StartupOptions options = StartupOptions.parse(new String[] {"--demo", "-clean", "--screenshot", "shot.png",
            "--exit-after-startup"});
        assertTrue(options.demo());
        assertTrue(options.exitAfterStartup());
        assertEquals(Optional.of(Path.of("shot.png").toAbsolutePath()), options.screenshot());
    }

    @Test
    void theDemoServerTakesThePortTheLauncherPassesOn() {
        assertEquals(3143, StartupOptions.parse(new String[] {"--demo", "--port", "3143"}).demoPort());
        assertEquals(0, StartupOptions.parse(new String[] {"--demo"}).demoPort(), "a free port");
    }

    @Test
    void withoutArgumentsTheWorkbenchStartsPlain() {
        StartupOptions options = StartupOptions.parse(null);
        assertFalse(options.demo());
        assertFalse(options.exitAfterStartup());
        assertEquals(Optional.empty(), options.screenshot());
        assertEquals(0, options.demoPort());
    }
}
