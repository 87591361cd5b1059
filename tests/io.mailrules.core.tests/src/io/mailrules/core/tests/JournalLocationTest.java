package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mailrules.core.journal.store.JournalLocation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalLocationTest {

    @Test
    void xdgDataHomeWins() {
        assertEquals(Path.of("/data/ana/mailrules/journal"),
                JournalLocation.resolve(Map.of("XDG_DATA_HOME", "/data/ana", "HOME", "/home/ana"), "/ignored"));
    }

    @Test
    void relativeOrEmptyXdgDataHomeIsIgnoredAsTheSpecificationSays() {
        Path expected = Path.of("/home/ana/.local/share/mailrules/journal");
        assertEquals(expected, JournalLocation.resolve(Map.of("XDG_DATA_HOME", "data", "HOME", "/home/ana"), null));
        assertEquals(expected, JournalLocation.resolve(Map.of("XDG_DATA_HOME", "", "HOME", "/home/ana"), null));
    }

    @Test
    void userHomePropertyStandsInForAMissingHome() {
        assertEquals(Path.of("/home/bo/.local/share/mailrules/journal"), JournalLocation.resolve(Map.of(), "/home/bo"));
        assertThrows(IllegalStateException.class, () -> JournalLocation.resolve(Map.of(), ""));
    }
}
