package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import io.mailrules.tests.support.ProposalPopup;
import io.mailrules.tests.support.RulesEditorPage;
import io.mailrules.tests.support.RulesEditorPage.Problem;
import io.mailrules.tests.support.Wait;
import io.mailrules.tests.support.WorkbenchWindowPage;

/** The rules editor as a user meets it: typing, problems, quick fixes, content assist, format, outline. */
class RulesEditorTest {

    static final String ROUTING = """
            mailbox team {
                host "imap.example.com" port 993 tls
                user "sales@example.com"
                password from secret "team"
            }

            layout sales {
                folder "Replies"
                folder "Bounces"
            }

            rules routing for team layout sales {
                rule bounces when from contains "mailer-daemon"
                    then move to "Bounces"
            }
            """;

    private WorkbenchWindowPage workbench;
    private RulesProject project;
    private RulesEditorPage editor;

    @BeforeEach
    void openRoutingFile() throws CoreException {
        workbench = WorkbenchWindowPage.waitForWorkbench();
        project = RulesProject.create("sales-rules");
        editor = RulesEditorPage.open(project.file("routing.mailrules", ROUTING));
    }

    @AfterEach
    void closeAndDelete(TestInfo test) throws CoreException {
        // what the window showed at the end, for when a test fails
        editor.screenshot(Screenshots.file("end-of-" + test.getTestMethod().orElseThrow().getName() + ".png"));
        editor.closeWithoutSaving();
        project.delete();
    }

    @Test
    void aMoveToAFolderMissingFromTheLayoutIsMarkedAndItsQuickFixAddsTheFolder() throws Exception {
        assertEquals(List.of(), editor.problems(), "the file starts clean");

        editor.caretAfter("then move to \"Bounces\"");
        editor.type("\nrule leads when subject contains \"lead\" then move to \"Leads\"");

        int line = editor.lineOf("move to \"Leads\"");
        List<Problem> problems = editor.waitForProblems("a problem on line " + line,
                found -> found.stream().anyMatch(p -> p.line() == line));
        Problem missing = problems.get(0);
        assertEquals(IMarker.SEVERITY_ERROR, missing.severity(), problems::toString);
        assertTrue(missing.message().contains("\"Leads\"") && missing.message().contains("layout 'sales'"),
                missing.message());
        Wait.until("the Problems view to count the error",
                () -> workbench.problemsViewSummary().equals("1 error, 0 warnings, 0 others"));
        editor.screenshot(Screenshots.file("editor-missing-folder.png"));

        String addLeads = "Add folder \"Leads\" to layout 'sales'";
        ProposalPopup fixes = editor.quickFixes(addLeads);
        assertEquals(List.of(addLeads), fixes.entries());
        editor.screenshot(Screenshots.file("editor-quick-fix.png"));
        editor.applyMarkerResolution(addLeads);

        editor.waitForProblems("the problem to go away", List::isEmpty);
        Wait.until("the Problems view to empty", () -> workbench.problemsViewSummary().equals("0 items"));
        assertTrue(editor.text().contains("    folder \"Bounces\"\n    folder \"Leads\"\n}"), editor.text());
        editor.screenshot(Screenshots.file("editor-fixed.png"));
        assertTrue(Files.isRegularFile(Screenshots.file("editor-fixed.png")));
    }

    @Test
    void contentAssistProposesTheLayoutsFolders() {
        editor.caretAfter("then move to \"");
        ProposalPopup proposals = editor.contentAssist("\"Replies\"");
        List<String> entries = proposals.entries();
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("\"Bounces\"")), entries::toString);
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("\"INBOX\"")), entries::toString);
        editor.screenshot(Screenshots.file("editor-content-assist.png"));
    }

    @Test
    void formatRewritesTheLayoutCanonically() {
        editor.caretAfter("layout sales {");
        editor.type(" folder \"Leads\"   folder \"Archive\" role archive");
        editor.format();
        assertTrue(editor.text().contains("""
                layout sales {
                    folder "Leads"
                    folder "Archive" role archive
                    folder "Replies"
                    folder "Bounces"
                }
                """), editor.text());
    }

    @Test
    void toggleCommentCommentsTheLineAndBack() {
        editor.caretAfter("rule bounces");
        editor.toggleComment();
        assertTrue(editor.text().contains("    // rule bounces when"), editor.text());
        editor.toggleComment();
        assertTrue(editor.text().contains("\n    rule bounces when"), editor.text());
    }

    @Test
    void openDeclarationGoesFromTheReferenceToTheLayout() {
        editor.caretAfter("for team layout sa");
        editor.openDeclaration();
        assertEquals("sales", editor.selectedText());
        assertEquals(ROUTING.indexOf("layout sales {") + "layout ".length(), editor.caretOffset());
    }

    @Test
    void outlineShowsTheDeclarations() {
        Wait.until("the outline", () -> !editor.outline().isEmpty());
        List<String> outline = editor.outline();
        assertTrue(outline.contains("Replies") && outline.contains("bounces : move to \"Bounces\""),
                outline::toString);
    }
}
