package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.core.account.MailboxAccount;
import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.incremental.FolderStateStore;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;

/**
 * Two rules files that give the name {@code sdr} to two accounts, journaled in one directory: each file's mailbox
 * sees its own account's runs and folder states, not the other's.
 */
class AccountKeyedDovecotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("cli-accounts", DovecotServer.Variant.FULL);

    @TempDir
    Path work;

    private CommandRun mailrules(String... args) {
        Map<String, String> environment = CommandRun.scriptEnvironment(work, work.resolve("journal"),
                DovecotServer.PASSWORD);
        return CommandRun.in(work, environment, CLOCK, args);
    }

    private Path rules(String name, String user) throws Exception {
        try (MailClient client = DOVECOT.client(user)) {
            client.append("INBOX", TestMessage.of("MAILER-DAEMON@mx.example.net", "Undelivered")
                    .receivedAt(Instant.parse("2024-06-08T10:00:00Z")));
        }
        return Files.writeString(work.resolve(name), """
                mailbox sdr {
                    host "127.0.0.1" port PORT plain insecure
                    user "USER"
                    password from env "SDR_PASSWORD"
                }

                rules routing for sdr in "INBOX" {
                    rule bounces when subject contains "Undelivered" then move to "Bounces"
                }
                """.replace("PORT", Integer.toString(DOVECOT.imapPort())).replace("USER", user));
    }

    @Test
    void eachFileSeesTheRunsAndFolderStatesOfItsOwnAccountOnly() throws Exception {
        String ana = DOVECOT.freshUser();
        String ben = DOVECOT.freshUser();
        Path anas = rules("ana.mailrules", ana);
        Path bens = rules("ben.mailrules", ben);

        CommandRun ran = mailrules("run", anas.toString());
        assertEquals(0, ran.exitCode(), ran.toString());
        RunHistoryEntry anasRun = new JournalStore(work.resolve("journal")).history().runs().getFirst();

        CommandRun anasStatus = mailrules("status", anas.toString());
        assertEquals(0, anasStatus.exitCode(), anasStatus.toString());
        assertTrue(anasStatus.out().contains("Last run:      " + anasRun.runId()), anasStatus.toString());
        CommandRun bensStatus = mailrules("status", bens.toString());
        assertTrue(bensStatus.out().contains("Last run:      none in the journal"),
                "ben's sdr is another account, which no run touched: " + bensStatus);

        CommandRun benRan = mailrules("run", bens.toString());
        assertEquals(0, benRan.exitCode(), benRan.toString());
        assertTrue(benRan.out().contains("completed"), "ana's folder state is not ben's: his INBOX was looked at in"
                + " full and his bounce moved: " + benRan);

        Set<String> accounts = FolderStateStore.in(work.resolve("journal")).states().stream()
                .filter(state -> state.mailbox().equals("sdr") && state.folder().equals("INBOX"))
                .map(FolderState::accountKey).map(key -> key.orElseThrow()).collect(Collectors.toSet());
        assertEquals(Set.of(new MailboxAccount("127.0.0.1", DOVECOT.imapPort(), ana).key(),
                new MailboxAccount("127.0.0.1", DOVECOT.imapPort(), ben).key()), accounts,
                "one INBOX state per account, neither replacing the other");

        CommandRun journalOnly = mailrules("status");
        assertEquals(0, journalOnly.exitCode(), journalOnly.toString());
        List<String> rows = journalOnly.out().lines().filter(line -> line.startsWith("sdr")).toList();
        assertEquals(2, rows.size(), "a row per account of the name sdr: " + journalOnly);
        assertTrue(rows.stream().allMatch(row -> row.startsWith("sdr (account ")), rows.toString());
        assertFalse(journalOnly.out().contains(ana) || journalOnly.out().contains(ben), "no user names are shown");
    }
}
