package io.mailrules.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.TestMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Users clone into deep folders: the private Dovecots of the tests must work whatever the checkout's path, although a
 * Unix socket path holds at most 107 bytes.
 */
class DovecotServerPathTest {

    @Test
    void aServerWhoseFilesLiveUnderA200CharacterFolderServesMailAndKeepsItsSocketsInAShortPrivateFolder()
            throws Exception {
        Path base = Path.of("target", "deep").toAbsolutePath();
        while (base.toString().length() < 200) {
            base = base.resolve("a-checkout-folder-nested-deeply");
        }
        assertTrue(base.toString().length() >= 200, base::toString);

        Path runtime;
        try (DovecotServer server = DovecotServer.start(base, "deep", DovecotServer.Variant.FULL)) {
            runtime = server.runtimeFolder();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime)));
            assertTrue(runtime.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())
                    || runtime.startsWith(Path.of("/tmp")), runtime::toString);
            try (Stream<Path> files = Files.walk(runtime.resolve("run"))) {
                List<Path> sockets = files.filter(path -> !Files.isRegularFile(path) && !Files.isDirectory(path))
                        .toList();
                assertFalse(sockets.isEmpty(), "Dovecot's sockets are in its runtime folder");
                sockets.forEach(socket -> assertTrue(socket.toString().length() <= 107, socket::toString));
            }
            try (Stream<Path> files = Files.walk(base)) {
                assertTrue(files.allMatch(path -> Files.isRegularFile(path) || Files.isDirectory(path)),
                        "no socket under the deep folder");
            }

            String user = server.freshUser();
            try (MailClient client = new MailClient("127.0.0.1", server.imapPort(), user, DovecotServer.PASSWORD)) {
                client.append("INBOX", TestMessage.of("ana@example.com", "Hello from a deep checkout"));
                assertEquals(List.of("Hello from a deep checkout"), client.contents("INBOX").keySet().stream()
                        .toList());
            }
        }
        assertFalse(Files.exists(runtime), "the runtime folder is removed when the server stops");
    }
}
