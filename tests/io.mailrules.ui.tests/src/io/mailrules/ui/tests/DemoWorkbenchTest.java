package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mailrules.core.account.MailboxAccount;
import io.mailrules.core.account.MailboxLock;
import io.mailrules.core.account.MailboxLockLocation;
import io.mailrules.core.account.MailboxLocks;
import io.mailrules.demo.DemoCategory;
import io.mailrules.demo.DemoMailbox;
import io.mailrules.demo.DemoMessage;
import io.mailrules.demo.DemoOptions;
import io.mailrules.demo.DemoServer;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.tests.support.PreviewViewPage;
import io.mailrules.tests.support.RulesEditorPage;
import io.mailrules.tests.support.RunsViewPage;
import io.mailrules.tests.support.SchedulesViewPage;
import io.mailrules.tests.support.Ui;
import io.mailrules.tests.support.Wait;
import io.mailrules.tests.support.WorkbenchWindowPage;
import io.mailrules.ui.demo.DemoWorkspace;
import io.mailrules.ui.mail.WorkbenchMail;
import io.mailrules.ui.preview.PreviewJobs;

/**
 * The demo as a newcomer walks through it, against the demo server in this process: the sample file, a mistake and
 * its quick fix, a preview whose counts match the generated mail, apply, the run in the Runs view, undo, and the
 * mailbox as it was, checked on the server with an independent client.
 */
class DemoWorkbenchTest {

    private static final int MESSAGES_PER_MAILBOX = 80;
    private static final String ROUTING_END = "then move to \"Replies/Unsubscribe\"";

    private WorkbenchWindowPage workbench;
    private DemoWorkspace demo;
    private RulesEditorPage editor;

    @BeforeEach
    void startDemo() throws Exception {
        workbench = WorkbenchWindowPage.waitForWorkbench();
        demo = DemoWorkspace.start(new DemoOptions(0, MESSAGES_PER_MAILBOX, LocalDate.now(Clock.systemDefaultZone()),
                42L), WorkbenchMail.lookup(DemoWorkbenchTest.class));
        editor = RulesEditorPage.open(demo.rulesFile());
    }

    @AfterEach
    void stopDemo() throws Exception {
        editor.closeWithoutSaving();
        demo.close();
        demo.rulesFile().getProject().delete(true, true, null);
    }

    @Test
    void previewApplyAndUndoTheSampleRulesOnTheDemoServer() throws Exception {
        assertEquals(List.of(), errors(editor.problems()), "the sample file starts without errors");
        editor.screenshot(Screenshots.file("demo-editor.png"));

        // a rule moving to a folder the layout lacks: an error, fixed by adding the folder to the layout
        editor.caretAfter(ROUTING_END);
        editor.type("\nrule leads when subject contains \"no such subject anywhere\" then move to \"Leads\"");
        int line = editor.lineOf("move to \"Leads\"");
        List<RulesEditorPage.Problem> problems = editor.waitForProblems("the missing folder marked",
                found -> errors(found).stream().anyMatch(p -> p.line() == line));
        assertTrue(errors(problems).get(0).message().contains("\"Leads\""), problems::toString);
        editor.applyMarkerResolution("Add folder \"Leads\" to layout 'sales'");
        editor.waitForProblems("the fix to clear the error", found -> errors(found).isEmpty());
        editor.save();

        DemoMailbox first = demo.server().mailboxes().get(0);
        List<Census.Placement> inboxBefore = placements(first, "INBOX");

        editor.chooseContextMenuItem("Preview Run");
        PreviewViewPage preview = PreviewViewPage.waitForView();
        preview.waitForPreview();
        preview.screenshot(Screenshots.file("preview-view.png"));

        Map<DemoCategory, Long> seeded = categories(first);
        String rules = preview.ruleCounts();
        assertTrue(rules.contains("bounces " + total(DemoCategory.BOUNCE)), rules);
        assertTrue(rules.contains("out-of-office " + total(DemoCategory.AUTO_REPLY)), rules);
        assertTrue(rules.contains("newsletters " + total(DemoCategory.NEWSLETTER)), rules);
        assertTrue(rules.contains("interested " + total(DemoCategory.INTERESTED_REPLY)), rules);
        assertTrue(rules.contains("unsubscribe " + total(DemoCategory.UNSUBSCRIBE_REPLY)), rules);
        assertTrue(preview.folderDeltas().contains("Bounces +" + seeded.get(DemoCategory.BOUNCE)),
                preview.folderDeltas());
        assertTrue(preview.foldersToCreate().contains("Leads"), preview.foldersToCreate());
        assertTrue(preview.foldersToCreate().contains("Replies/Interested"), preview.foldersToCreate());

        // the table lists every planned message; the filter narrows it to what every typed word matches
        int ruleColumn = preview.column("Rule");
        List<List<String>> all = preview.messages();
        assertEquals(all.size(), Long.parseLong(preview.status().replaceAll(".*: (\\d+) message\\(s\\).*", "$1")));
        preview.filter("bounces");
        Wait.until("the filter to apply", () -> preview.messages().size() == total(DemoCategory.BOUNCE));
        assertTrue(preview.messages().stream().allMatch(row -> row.get(ruleColumn).endsWith("bounces")));
        preview.sortBy("Date");
        int dateColumn = preview.column("Date");
        List<String> dates = preview.messages().stream().map(row -> row.get(dateColumn)).toList();
        assertEquals(dates.stream().sorted().toList(), dates, "sorted by date");

        String applied = preview.apply();
        assertTrue(applied.contains(": completed,"), applied);
        List<Census.Placement> bounces = placements(first, "Bounces");
        assertEquals(seeded.get(DemoCategory.BOUNCE).intValue(), bounces.size(), "bounces moved on the server");
        assertTrue(folderNames(first).contains("Leads"), "the layout's new folder was created");
        assertTrue(placements(first, "INBOX").size() < inboxBefore.size());

        RunsViewPage runs = RunsViewPage.show();
        Wait.until("the run in the Runs view", () -> !runs.runs().isEmpty());
        List<String> newest = runs.runs().get(0);
        assertEquals("run", newest.get(runs.column("Kind")));
        assertEquals("completed", newest.get(runs.column("Status")));
        runs.select(newest.get(runs.column("Run")));
        Wait.until("the run's batches", () -> !runs.batches().isEmpty());
        runs.screenshot(Screenshots.file("runs-view.png"));

        runs.undoSelected();
        Wait.until("the undo in the Runs view", () -> runs.runs().size() >= 2
                && runs.runs().get(0).get(runs.column("Kind")).equals("undo")
                && runs.runs().get(0).get(runs.column("Status")).equals("completed"), Duration.ofSeconds(60));
        Wait.until("the run shown as undone", () -> runs.runs().get(1).get(runs.column("Status")).equals("undone"));
        runs.screenshot(Screenshots.file("runs-view-after-undo.png"));

        assertEquals(ids(inboxBefore), ids(placements(first, "INBOX")), "every message back in INBOX");
        assertEquals(List.of(), placements(first, "Bounces"));

        SchedulesViewPage schedules = SchedulesViewPage.show();
        Wait.until("the sample file's schedules", () -> schedules.schedules().size() == 2);
        int name = schedules.column("Schedule");
        assertEquals(List.of("routing-often", "nightly"),
                schedules.schedules().stream().map(row -> row.get(name)).toList());
        schedules.screenshot(Screenshots.file("schedules-view.png"));
    }

    @Test
    void aPreviewWaitsWhileAnotherMailrulesHoldsAMailboxAndIsMadeWhenItLetsGo() throws Exception {
        DemoMailbox first = demo.server().mailboxes().get(0);
        // What a `mailrules run` of the same user in another process holds while it works on the mailbox.
        MailboxLocks locks = new MailboxLocks(MailboxLockLocation.fromSystem(), "the test", Duration.ZERO);
        try (MailboxLock held = locks.lock(first.name(), new MailboxAccount(demo.server().host(),
                demo.server().imapPort(), first.login()))) {
            editor.chooseContextMenuItem("Preview Run");
            Wait.until("the preview jobs to start", () -> Job.getJobManager().find(PreviewJobs.FAMILY).length > 0);
            // The other mailbox's preview takes well under this; the held one's waits for the lock.
            Thread.sleep(3000);
            List<String> waiting = Arrays.stream(Job.getJobManager().find(PreviewJobs.FAMILY)).map(Job::getName)
                    .toList();
            assertEquals(List.of("Preview of " + first.name()), waiting, "only the held mailbox's preview waits");
        }
        PreviewViewPage preview = PreviewViewPage.waitForView();
        preview.waitForPreview();
        assertTrue(preview.ruleCounts().contains("bounces " + total(DemoCategory.BOUNCE)), preview.ruleCounts());
    }

    @Test
    void csvExportWritesTheFilteredTable() throws Exception {
        editor.chooseContextMenuItem("Preview Run");
        PreviewViewPage preview = PreviewViewPage.waitForView();
        preview.waitForPreview();
        preview.filter("newsletters");
        Wait.until("the filter", () -> preview.messages().size() == total(DemoCategory.NEWSLETTER));
        Path csv = Screenshots.file("preview-export.csv");
        Files.createDirectories(csv.getParent());
        Ui.run(() -> ((io.mailrules.ui.preview.PreviewView) org.eclipse.ui.PlatformUI.getWorkbench()
                .getActiveWorkbenchWindow().getActivePage().findView(io.mailrules.ui.preview.PreviewView.ID))
                .exportCsv(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("Mailbox,Folder,Date,From,Subject,Rule,Action,Target", lines.get(0));
        assertEquals(total(DemoCategory.NEWSLETTER) + 1, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("newsletters,") && l.endsWith(",Newsletters")),
                lines::toString);
    }

    @Test
    void schedulesAreEnabledInTheWorkbenchNotInTheFile() throws Exception {
        SchedulesViewPage schedules = SchedulesViewPage.show();
        Wait.until("the sample file's schedules", () -> schedules.schedules().size() == 2);
        int enabled = schedules.column("Enabled");
        int next = schedules.column("Next run");
        assertTrue(schedules.schedules().stream().allMatch(row -> row.get(enabled).equals("no")),
                "schedules start disabled");
        assertFalse(schedules.schedules().get(1).get(next).isEmpty());
        String before = Files.readString(demo.rulesFile().getLocation().toFile().toPath());
        schedules.select("nightly");
        schedules.enableSelected();
        Wait.until("nightly enabled", () -> schedules.schedules().get(1).get(enabled).equals("yes"));
        assertEquals(before, Files.readString(demo.rulesFile().getLocation().toFile().toPath()), "file unchanged");
        schedules.disableSelected();
        Wait.until("nightly disabled", () -> schedules.schedules().get(1).get(enabled).equals("no"));
    }

    @Test
    void runNowPlansAndAppliesTheSchedulesJobsAsARunInTheRunsView() throws Exception {
        DemoMailbox first = demo.server().mailboxes().get(0);
        RunsViewPage runs = RunsViewPage.show();
        int before = runs.runs().size();
        SchedulesViewPage schedules = SchedulesViewPage.show();
        Wait.until("the sample file's schedules", () -> schedules.schedules().size() == 2);
        schedules.select("routing-often");
        schedules.clickToolbar("Plan and apply this schedule's jobs now, journaled");

        RunsViewPage shown = RunsViewPage.show();
        Wait.until("the scheduled run in the Runs view", () -> shown.runs().size() == before + 1
                && shown.runs().get(0).get(shown.column("Status")).equals("completed"), Duration.ofSeconds(60));
        assertEquals(categories(first).get(DemoCategory.BOUNCE).intValue(), placements(first, "Bounces").size(),
                "the routing job ran on the server");
        assertEquals(List.of(), placements(first, "Archive/2025"), "the schedule runs routing only, not cleanup");
    }

    private static List<RulesEditorPage.Problem> errors(List<RulesEditorPage.Problem> problems) {
        return problems.stream().filter(p -> p.severity() == IMarker.SEVERITY_ERROR).toList();
    }

    private long total(DemoCategory category) {
        return demo.server().mailboxes().stream().mapToLong(mailbox -> categories(mailbox).getOrDefault(category, 0L))
                .sum();
    }

    private Map<DemoCategory, Long> categories(DemoMailbox mailbox) {
        Map<DemoCategory, Long> counts = new EnumMap<>(DemoCategory.class);
        for (DemoMessage message : demo.server().seededMessages(mailbox)) {
            counts.merge(message.category(), 1L, Long::sum);
        }
        return counts;
    }

    private List<Census.Placement> placements(DemoMailbox mailbox, String folder) throws Exception {
        try (MailClient client = new MailClient(demo.server().host(), demo.server().imapPort(), mailbox.login(),
                DemoServer.PASSWORD)) {
            return client.exists(folder) ? client.placements(folder) : List.of();
        }
    }

    private List<String> folderNames(DemoMailbox mailbox) throws Exception {
        try (MailClient client = new MailClient(demo.server().host(), demo.server().imapPort(), mailbox.login(),
                DemoServer.PASSWORD)) {
            return client.folderNames();
        }
    }

    private static Set<String> ids(List<Census.Placement> placements) {
        return placements.stream().map(Census.Placement::messageId).collect(Collectors.toCollection(TreeSet::new));
    }
}
