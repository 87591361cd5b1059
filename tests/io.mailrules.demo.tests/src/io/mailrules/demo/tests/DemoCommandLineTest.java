package io.mailrules.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.cli.Commands;
import io.mailrules.cli.Console;
import io.mailrules.cli.Main;
import io.mailrules.core.json.PlanJson;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.demo.DemoCategory;
import io.mailrules.demo.DemoFiles;
import io.mailrules.demo.DemoMailbox;
import io.mailrules.demo.DemoMessage;
import io.mailrules.demo.DemoOptions;
import io.mailrules.demo.DemoServer;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.MailClient;

/**
 * The demo as a newcomer uses it without a display: the sample file validates, a preview of the demo server shows
 * exactly the generated mail per rule, a run moves it, and an undo brings the mailbox back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCommandLineTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Map<String, String> ENVIRONMENT = Map.of(DemoServer.PASSWORD_VARIABLE, DemoServer.PASSWORD);

    @TempDir
    static Path directory;
    private DemoServer server;
    private Path rulesFile;

    @BeforeAll
    void startDemo() throws Exception {
        server = DemoServer.start(new DemoOptions(0, 120, TODAY, 42));
        rulesFile = DemoFiles.write(directory.resolve("demo"), server);
    }

    @AfterAll
    void stopDemo() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSampleFileHasNoProblems() {
        Run run = mailrules("validate", rulesFile.toString());
        assertEquals(0, run.exitCode(), run::toString);
        // Info lines (a rule needing a header fetch) are expected; nothing worse.
        assertTrue(run.out().lines().allMatch(line -> line.contains(": info: ")), run::toString);
    }

    @Test
    void previewShowsEachKindOfGeneratedMailUnderItsRule() throws Exception {
        Run run = mailrules("plan", rulesFile.toString(), "--job", "routing", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        Plan plan = PlanJson.read(run.out());
        for (DemoMailbox mailbox : server.mailboxes()) {
            MailboxPlan mailboxPlan = plan.mailboxes().stream().filter(m -> m.mailbox().equals(mailbox.name()))
                    .findFirst().orElseThrow();
            assertEquals(expectedRouting(mailbox), mailboxPlan.countsPerRule(), "rules of " + mailbox.name());
        }
        try (MailClient client = client(server.mailboxes().get(0))) {
            Census census = Census.of(client);
            assertEquals(120, census.byMessageId().size());
            assertTrue(census.byMessageId().values().stream().allMatch(p -> p.folder().equals("INBOX")),
                    "a preview changes nothing");
        }
    }

    @Test
    void runThenUndoRestoresTheMailbox() throws Exception {
        DemoMailbox ben = server.mailboxes().get(1);
        Census before;
        try (MailClient client = client(ben)) {
            before = Census.of(client);
        }
        Path journal = directory.resolve("journal");
        Run run = mailrules("run", rulesFile.toString(), "--mailbox", ben.name(), "--job", "routing",
                "--journal", journal.toString());
        assertEquals(0, run.exitCode(), run::toString);
        try (MailClient client = client(ben)) {
            Census after = Census.of(client);
            for (DemoMessage message : server.seededMessages(ben)) {
                // GreenMail separates folder levels with '.'
                String folder = after.byMessageId().get(message.messageId()).folder().replace('.', '/');
                assertEquals(expectedFolder(message.category()), folder, message.toString());
            }
        }
        Matcher runId = Pattern.compile("(?m)^([0-9A-Za-z-]{8,})\\s").matcher(mailrules("runs", "--journal",
                journal.toString()).out());
        assertTrue(runId.find(), "the run is in the history");
        Run undo = mailrules("undo", runId.group(1), "--journal", journal.toString());
        assertEquals(0, undo.exitCode(), undo::toString);
        try (MailClient client = client(ben)) {
            assertEquals(folders(before), folders(Census.of(client)), "undo puts every message back");
        }
    }

    private SortedMap<String, Long> expectedRouting(DemoMailbox mailbox) {
        SortedMap<String, Long> counts = new TreeMap<>();
        for (DemoMessage message : server.seededMessages(mailbox)) {
            String rule = switch (message.category()) {
                case BOUNCE -> "routing/bounces";
                case AUTO_REPLY -> "routing/out-of-office";
                case NEWSLETTER -> "routing/newsletters";
                case INTERESTED_REPLY -> "routing/interested";
                case UNSUBSCRIBE_REPLY -> "routing/unsubscribe";
                case OTHER -> null;
            };
            if (rule != null) {
                counts.merge(rule, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static String expectedFolder(DemoCategory category) {
        return switch (category) {
            case BOUNCE -> "Bounces";
            case AUTO_REPLY -> "AutoReplies";
            case NEWSLETTER -> "Newsletters";
            case INTERESTED_REPLY -> "Replies/Interested";
            case UNSUBSCRIBE_REPLY -> "Replies/Unsubscribe";
            case OTHER -> "INBOX";
        };
    }

    private static Map<String, String> folders(Census census) {
        Map<String, String> folders = new TreeMap<>();
        census.byMessageId().forEach((id, placement) -> folders.put(id, placement.folder()));
        return folders;
    }

    private MailClient client(DemoMailbox mailbox) throws Exception {
        return new MailClient(server.host(), server.imapPort(), mailbox.login(), DemoServer.PASSWORD);
    }

    private Run mailrules(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Console console = new Console(InputStream.nullInputStream(), outStream, errStream, directory, ENVIRONMENT,
                    false);
            int exitCode = new Main(Commands.standard(Clock.systemUTC())).run(args, console);
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
