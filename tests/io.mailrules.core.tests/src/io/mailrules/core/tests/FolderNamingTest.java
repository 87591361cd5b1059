package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.source.FolderNaming;
import io.mailrules.core.source.ServerFolders;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one mapping between rules paths and server folder names, on the namespace layouts servers use. */
class FolderNamingTest {

    private final FolderNaming cyrus = new FolderNaming("INBOX.", '.');
    private final FolderNaming dovecot = new FolderNaming("", '/');

    @Test
    void pathsGetTheServersDelimiterAndPrefixButInboxNeverIsPrefixed() {
        assertEquals("INBOX.Archive.2024", cyrus.toServer("Archive/2024"));
        assertEquals("INBOX", cyrus.toServer("inbox"));
        assertEquals("INBOX.Sub", cyrus.toServer("Inbox/Sub"));
        assertEquals("Archive/2024", dovecot.toServer(" Archive / 2024 "));
    }

    @Test
    void serverNamesComeBackAsPaths() {
        assertEquals("Archive/2024", cyrus.toPath("INBOX.Archive.2024"));
        assertEquals("INBOX", cyrus.toPath("inbox"));
        assertEquals("INBOX/Sub", dovecot.toPath("INBOX/Sub"));
    }

    @Test
    void twoSpellingsOfOneServerFolderShareOnePath() {
        assertEquals("Archive", cyrus.canonical("INBOX/Archive"));
        assertEquals("Archive", cyrus.canonical("Archive"));
        assertEquals("INBOX/Archive", dovecot.canonical("inbox/Archive"));
    }

    @Test
    void aPartContainingTheDelimiterIsRefusedRatherThanReachingADeeperFolder() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> cyrus.toServer("Sales.EMEA"));
        assertTrue(failure.getMessage().contains("Sales.EMEA"), failure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> dovecot.toServer(" / "));
    }

    @Test
    void serverFoldersAnswerInPaths() {
        ServerFolders folders = new ServerFolders(cyrus, Set.of("INBOX", "Archive"), Optional.of("Trash"));
        assertEquals("Archive/2025", folders.path("INBOX/Archive/2025"));
        assertTrue(folders.exists("Archive"));
        assertTrue(folders.exists("inbox"));
        assertFalse(folders.exists("Archive/2025"));
        assertEquals(List.of("Archive", "Archive/2025"), folders.withAncestors("Archive/2025"));
    }
}
