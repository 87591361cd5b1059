package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mailrules.demo.DemoMailbox;
import io.mailrules.demo.DemoOptions;
import io.mailrules.demo.DemoServer;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.tests.support.ApplyPastChecksPage;
import io.mailrules.tests.support.PreviewViewPage;
import io.mailrules.tests.support.RulesEditorPage;
import io.mailrules.tests.support.RunsViewPage;
import io.mailrules.tests.support.ViewPage;
import io.mailrules.tests.support.Wait;
import io.mailrules.tests.support.WorkbenchWindowPage;
import io.mailrules.ui.demo.DemoWorkspace;
import io.mailrules.ui.mail.WorkbenchMail;
import io.mailrules.ui.preview.PreviewView;

/**
 * The change limits in the workbench, on the demo server: a rule that would move most of INBOX to Trash is warned
 * about as it is written, the Preview says that Apply would stop at it, and Apply asks before going past it:
 * cancelling sends nothing, applying the others leaves the mailboxes as they were with a refused run in the Runs
 * view, and going past does it.
 */
class ChangeLimitsWorkbenchTest {

    private static final String PURGE = """
            import "sales-demo.mailrules"

            rules purge-old for sales in "INBOX" {
                rule purge when older than 1 days then delete
            }
            """;

    private WorkbenchWindowPage workbench;
    private DemoWorkspace demo;
    private RulesEditorPage editor;

    @BeforeEach
    void startDemo() throws Exception {
        workbench = WorkbenchWindowPage.waitForWorkbench();
        demo = DemoWorkspace.start(new DemoOptions(0, 40, LocalDate.now(Clock.systemDefaultZone()), 7L),
                WorkbenchMail.lookup(ChangeLimitsWorkbenchTest.class));
        IFile purge = demo.rulesFile().getProject().getFile("purge.mailrules");
        purge.create(new ByteArrayInputStream(PURGE.getBytes(StandardCharsets.UTF_8)), IResource.FORCE,
                new NullProgressMonitor());
        editor = RulesEditorPage.open(purge);
    }

    @AfterEach
    void stopDemo() throws Exception {
        editor.closeWithoutSaving();
        demo.close();
        demo.rulesFile().getProject().delete(true, true, null);
    }

    @Test
    void previewShowsTheStopAndApplyAsksBeforeGoingPastIt() throws Exception {
        List<RulesEditorPage.Problem> warned = editor.waitForProblems("the broad removal warned about",
                found -> found.stream().anyMatch(p -> p.severity() == IMarker.SEVERITY_WARNING
                        && p.message().contains("its condition tests only age or size")));
        assertTrue(warned.stream().anyMatch(p -> p.message().contains("A run refuses to remove more than 20% and 2000"
                + " of a folder's messages")), warned::toString);

        DemoMailbox first = demo.server().mailboxes().get(0);
        List<Census.Placement> inboxBefore = placements(first, "INBOX");
        List<String> foldersBefore = folderNames(first);

        editor.chooseContextMenuItem("Preview Run");
        PreviewViewPage preview = PreviewViewPage.waitForView();
        preview.waitForPreview();
        assertTrue(preview.status().contains("Apply would stop at " + demo.server().mailboxes().size()
                + " mailbox(es) and asks before going past"), preview.status());
        String checks = preview.checks();
        assertTrue(checks.contains("mailbox " + first.name() + ", folder \"INBOX\": rule purge-old/purge would"
                + " remove "), checks);
        assertTrue(checks.contains("the limit of rules 'purge-old' is remove at most 20% and 2000 (the default)"),
                checks);

        ApplyPastChecksPage question = preview.applyAndExpectTheQuestion();
        assertTrue(question.message().contains("Apply would refuse these mailboxes before sending anything to them"),
                question.message());
        assertTrue(question.message().contains("rule purge-old/purge would remove"), question.message());
        question.cancel();
        assertFalse(preview.status().startsWith("Applied "), preview.status());
        assertTrue(preview.canApply(), "cancelling leaves the preview to apply");
        assertEquals(inboxBefore, placements(first, "INBOX"), "cancelled: nothing sent");

        RunsViewPage runs = RunsViewPage.show();
        int runsBefore = runs.runs().size();
        ViewPage.show(PreviewView.ID);
        PreviewViewPage again = PreviewViewPage.waitForView();
        again.applyAndExpectTheQuestion().applyOthersOnly();
        String refused = again.waitForApplied();
        assertTrue(refused.contains(": refused, 0 batch(es) done"), refused);
        assertTrue(refused.contains("refused, nothing changed in: " + first.name()), refused);
        assertFalse(refused.contains("undo"), "nothing to undo: " + refused);
        assertEquals(inboxBefore, placements(first, "INBOX"), "the refused mailbox is as it was");
        assertEquals(foldersBefore, folderNames(first), "no folder created");
        RunsViewPage.show();
        Wait.until("the refused run in the Runs view", () -> runs.runs().size() == runsBefore + 1
                && runs.runs().get(0).get(runs.column("Status")).equals("refused"));
        runs.select(runs.runs().get(0).get(runs.column("Run")));
        assertFalse(runs.canUndo(), "a refused run has nothing to undo");

        editor.chooseContextMenuItem("Preview Run");
        PreviewViewPage fresh = PreviewViewPage.waitForView();
        fresh.waitForPreview();
        fresh.applyAndExpectTheQuestion().goPast();
        String applied = fresh.waitForApplied();
        assertTrue(applied.contains(": completed,"), applied);
        int left = placements(first, "INBOX").size();
        assertTrue(inboxBefore.size() - left > inboxBefore.size() / 5, "more than the limit went, as agreed: "
                + inboxBefore.size() + " before, " + left + " left");
        assertEquals(inboxBefore.size() - left, placements(first, DemoServer.TRASH).size(), "to Trash");
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
}
