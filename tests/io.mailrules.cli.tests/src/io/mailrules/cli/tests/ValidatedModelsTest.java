package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.Console;
import io.mailrules.cli.execution.RulesInUse;
import io.mailrules.cli.validate.ValidatedModels;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.engine.PlanRequest;
import io.mailrules.logins.MailboxBlocks;

/**
 * Commands that plan or run keep the model of a rules file that passed validation, and use it while the file and
 * its imports are byte for byte unchanged, under the same product build: never for a changed file, another build,
 * a file with errors, or an entry another user could have written.
 */
class ValidatedModelsTest {

    private static final String MAILBOXES = """
            mailbox sdr1 {
                host "imap.example.com" port 993 tls
                user "sdr1@example.com"
                password from env "SDR1_PASSWORD"
            }
            """;
    private static final String RULES = """
            import "mailboxes.mailrules"

            rules sales for sdr1 in "INBOX" {
                rule bounces when from contains "mailer-daemon" then move to "Bounces"
                rule old when older than 365 days then move to "Archive/{year}"
            }
            """;

    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anUnchangedFileIsPlannedFromItsKeptModelWithItsImportsLinked() throws Exception {
        write("mailboxes.mailrules", MAILBOXES);
        write("sales.mailrules", RULES);
        ValidatedModels models = new ValidatedModels(cache, "build-1");

        RulesInUse parsed = RulesInUse.load("sales.mailrules", console(), models);
        RulesInUse kept = RulesInUse.load("sales.mailrules", console(), models);

        assertInstanceOf(XtextResource.class, parsed.model().eResource(), "the first load parses and validates");
        assertFalse(kept.model().eResource() instanceof XtextResource, "the second comes from the cache");
        assertEquals(parsed.source(), kept.source(), "same file, same digest");
        RuleBlock block = (RuleBlock) kept.model().getElements().getFirst();
        Mailbox mailbox = (Mailbox) block.getTargets().getFirst();
        assertFalse(mailbox.eIsProxy(), "the mailbox of the imported file is linked");
        assertEquals("sdr1", mailbox.getName());
        assertNotSame(kept.model().eResource(), mailbox.eResource());
        assertEquals(List.of("sdr1"), PlanRequest.allJobs(kept.model(), kept.source()).targetMailboxes());
        assertEquals("imap.example.com", host(kept, "sdr1"));
    }

    @Test
    void aChangedImportOrAnotherBuildIsValidatedAgain() throws Exception {
        ValidatedModels models = keptOnce();
        assertTrue(found(models).isPresent());

        assertTrue(found(new ValidatedModels(cache, "build-2")).isEmpty(),
                "another build never uses this build's models");
        write("mailboxes.mailrules", MAILBOXES.replace("imap.example.com", "imap2.example.com"));
        assertTrue(found(models).isEmpty(), "the import changed");
        RulesInUse again = RulesInUse.load("sales.mailrules", console(), models);
        assertInstanceOf(XtextResource.class, again.model().eResource());
        assertEquals("imap2.example.com", host(again, "sdr1"));
        assertEquals("imap2.example.com", host(found(models).orElseThrow().model(), "sdr1"));
    }

    @Test
    void aFileWithErrorsIsNeverKeptAndStillRefused() throws Exception {
        write("mailboxes.mailrules", MAILBOXES);
        write("sales.mailrules", RULES.replace("for sdr1", "for sdr9"));
        ValidatedModels models = new ValidatedModels(cache, "build-1");

        for (int attempt = 0; attempt < 2; attempt++) {
            CommandFailedException refused = assertThrows(CommandFailedException.class,
                    () -> RulesInUse.load("sales.mailrules", console(), models));
            assertTrue(refused.getMessage().contains("has errors"), refused::getMessage);
        }
        assertTrue(found(models).isEmpty());
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(List.of(), entries.toList(), "nothing was written");
        }
    }

    @Test
    void aDamagedEntryOrOneOthersCouldWriteIsNotUsed() throws Exception {
        ValidatedModels models = keptOnce();
        Path entry = onlyEntry();

        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-r--"));
        assertTrue(found(models).isEmpty(), "group-writable");
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-------"));
        assertTrue(found(models).isPresent());

        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(found(models).isEmpty(), "cut short");
        RulesInUse reloaded = RulesInUse.load("sales.mailrules", console(), models);
        assertInstanceOf(XtextResource.class, reloaded.model().eResource(), "validated again, and kept anew");
        assertTrue(found(models).isPresent());
    }

    @Test
    void entriesNotWrittenForAMonthAreForgottenWhenAnotherIsKept() throws Exception {
        Path stale = cache.resolve("of-an-earlier-build.model");
        Path recent = cache.resolve("of-another-file.model");
        Files.writeString(stale, "model");
        Files.writeString(recent, "model");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(20))));
        write("mailboxes.mailrules", MAILBOXES);
        write("sales.mailrules", RULES);

        RulesInUse.load("sales.mailrules", console(), new ValidatedModels(cache, "build-1"));

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(recent));
    }

    @Test
    void withoutABuildNothingIsKept() throws Exception {
        write("mailboxes.mailrules", MAILBOXES);
        write("sales.mailrules", RULES);
        Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err), dir, Map.of("XDG_CACHE_HOME", cache.toString()), false);
        String before = System.clearProperty(ValidatedModels.BUILD_PROPERTY);
        try {
            assertSame(ValidatedModels.NONE, ValidatedModels.of(console));
        } finally {
            if (before != null) {
                System.setProperty(ValidatedModels.BUILD_PROPERTY, before);
            }
        }
    }

    /** The sales file and its import written, loaded once (validated, and kept) for build-1. */
    private ValidatedModels keptOnce() throws Exception {
        write("mailboxes.mailrules", MAILBOXES);
        write("sales.mailrules", RULES);
        ValidatedModels models = new ValidatedModels(cache, "build-1");
        RulesInUse.load("sales.mailrules", console(), models);
        return models;
    }

    private Optional<ValidatedModels.Found> found(ValidatedModels models) {
        return models.find(dir.resolve("sales.mailrules"));
    }

    private static String host(RulesInUse rules, String mailbox) {
        return host(rules.model(), mailbox);
    }

    private static String host(Model model, String mailbox) {
        return MailboxBlocks.settings(MailboxBlocks.find(model, mailbox).orElseThrow()).host();
    }

    private Path onlyEntry() throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            List<Path> all = entries.toList();
            assertEquals(1, all.size(), all::toString);
            return all.getFirst();
        }
    }

    private Console console() {
        return new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err), dir, Map.of(), false);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
