package io.mailrules.tests.support;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

import io.mailrules.ui.editor.RulesEditor;
import io.mailrules.ui.markers.RulesMarkers;

/** A rules file open in the rules editor, driven with the keyboard. */
public final class RulesEditorPage {

    /** A problem marker as the Problems view lists it. */
    public record Problem(int line, int severity, String message) {
    }

    private final RulesEditor editor;

    private RulesEditorPage(RulesEditor editor) {
        this.editor = editor;
    }

    /** Opens the file in the rules editor and waits until its first validation is done. */
    public static RulesEditorPage open(IFile file) {
        RulesEditor editor = Ui.call(() -> {
            try {
                return (RulesEditor) IDE.openEditor(page(), file, RulesEditor.ID);
            } catch (PartInitException e) {
                throw new IllegalStateException(e);
            }
        });
        RulesEditorPage page = new RulesEditorPage(editor);
        page.waitForValidation();
        return page;
    }

    /** The rules editor that is active now, e.g. one a wizard opened. */
    public static RulesEditorPage active() {
        RulesEditor editor = Wait.forValue("an active rules editor",
                () -> Ui.call(() -> page().getActiveEditor() instanceof RulesEditor e ? e : null), Wait.DEFAULT_TIMEOUT);
        return new RulesEditorPage(editor);
    }

    public IFile file() {
        return Ui.call(editor::file);
    }

    public String text() {
        return Ui.call(() -> editor.document().get());
    }

    /** Gives the text keyboard focus, as clicking into it would. */
    public void focus() {
        Ui.run(() -> {
            editor.getSite().getPage().activate(editor);
            editor.getSite().getShell().forceActive();
            widget().setFocus();
        });
        Ui.settle();
    }

    /** Puts the caret right after the first occurrence of the text. */
    public void caretAfter(String text) {
        caretAt(offsetOf(text) + text.length());
    }

    /** Puts the caret right before the first occurrence of the text. */
    public void caretBefore(String text) {
        caretAt(offsetOf(text));
    }

    private void caretAt(int offset) {
        focus();
        Ui.run(() -> editor.reveal(offset, 0));
    }

    public int caretOffset() {
        return Ui.call(() -> ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset());
    }

    public int lineOf(String text) {
        return (int) text().substring(0, offsetOf(text)).chars().filter(c -> c == '\n').count() + 1;
    }

    private int offsetOf(String text) {
        int offset = text().indexOf(text);
        if (offset < 0) {
            throw new AssertionError("the editor does not show '" + text + "':\n" + text());
        }
        return offset;
    }

    public void type(String text) {
        focus();
        Keyboard.typeText(text);
    }

    /** Waits until validation has caught up with the text, so markers are those of what is on screen. */
    public void waitForValidation() {
        Wait.until("validation of " + editor.getTitle(), () -> Ui.call(editor::isValidationCurrent),
                Duration.ofSeconds(30));
    }

    /** The file's problem markers, by line: what the Problems view and the ruler show. */
    public List<Problem> problems() {
        IFile file = file();
        try {
            return RulesMarkers.of(file).stream()
                    .map(m -> new Problem(m.getAttribute(IMarker.LINE_NUMBER, -1), m.getAttribute(IMarker.SEVERITY, -1),
                            m.getAttribute(IMarker.MESSAGE, "")))
                    .sorted(Comparator.comparingInt(Problem::line))
                    .toList();
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Problem> waitForProblems(String what, java.util.function.Predicate<List<Problem>> condition) {
        return Wait.forValue(what, () -> {
            List<Problem> problems = problems();
            return condition.test(problems) ? problems : null;
        }, Duration.ofSeconds(30));
    }

    /** Ctrl+Space at the caret; returns the list once it shows the expected entry. */
    public ProposalPopup contentAssist(String expectedEntry) {
        focus();
        Keyboard.press(SWT.CTRL, ' ');
        return ProposalPopup.waitForEntry(expectedEntry);
    }

    /** Ctrl+1 at the caret; returns the list of fixes once it shows the expected one. */
    public ProposalPopup quickFixes(String expectedFix) {
        focus();
        Keyboard.press(SWT.CTRL, '1');
        return ProposalPopup.waitForEntry(expectedFix);
    }

    /**
     * Applies a fix the way the Problems view's Quick Fix does: the marker resolutions the workbench offers for the
     * file's markers, chosen by label.
     */
    public void applyMarkerResolution(String label) {
        Ui.run(() -> {
            try {
                for (IMarker marker : RulesMarkers.of(editor.file())) {
                    for (IMarkerResolution resolution : IDE.getMarkerHelpRegistry().getResolutions(marker)) {
                        if (label.equals(resolution.getLabel())) {
                            resolution.run(marker);
                            return;
                        }
                    }
                }
            } catch (CoreException e) {
                throw new IllegalStateException(e);
            }
            throw new AssertionError("no quick fix '" + label + "' for the markers of " + editor.getTitle());
        });
    }

    /** Ctrl+Shift+F, then waits until the text changed. */
    public void format() {
        String before = text();
        focus();
        Keyboard.press(SWT.CTRL | SWT.SHIFT, 'f');
        Wait.until("the formatter to change the text", () -> !text().equals(before));
    }

    /** Ctrl+/ on the caret's line. */
    public void toggleComment() {
        focus();
        Keyboard.press(SWT.CTRL, '/');
    }

    /** F3 at the caret. */
    public void openDeclaration() {
        focus();
        Keyboard.pressKeyCode(SWT.F3);
    }

    public String selectedText() {
        return Ui.call(() -> ((ITextSelection) editor.getSelectionProvider().getSelection()).getText());
    }

    /** The labels of the Outline view's nodes, depth first. */
    public List<String> outline() {
        return Ui.call(() -> {
            IContentOutlinePage outline = editor.getAdapter(IContentOutlinePage.class);
            Tree tree = (Tree) outline.getControl();
            List<String> labels = new java.util.ArrayList<>();
            for (TreeItem item : tree.getItems()) {
                collect(item, labels);
            }
            return labels;
        });
    }

    private static void collect(TreeItem item, List<String> labels) {
        labels.add(item.getText());
        for (TreeItem child : item.getItems()) {
            collect(child, labels);
        }
    }

    public void screenshot(java.nio.file.Path png) {
        new WorkbenchShot().screenshot(png);
    }

    /**
     * Chooses an entry of the editor's context menu, as a right click and a click on the entry do. The menu is filled
     * as when it opens; the entry is chosen without waiting, since it may open a dialog.
     */
    public void chooseContextMenuItem(String label) {
        focus();
        org.eclipse.swt.widgets.MenuItem item = Ui.call(() -> {
            org.eclipse.swt.widgets.Menu menu = widget().getMenu();
            menu.notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
            org.eclipse.swt.widgets.MenuItem found = java.util.Arrays.stream(menu.getItems())
                    .filter(i -> label.equals(i.getText().replace("&", "").split("\t")[0])).findFirst()
                    .orElseThrow(() -> new AssertionError("no '" + label + "' in the editor's context menu: "
                            + java.util.Arrays.stream(menu.getItems()).map(org.eclipse.swt.widgets.MenuItem::getText)
                                    .toList()));
            return found;
        });
        Ui.runLater(() -> item.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event()));
        Ui.settle();
    }

    /** Saves the file, as Ctrl+S does. */
    public void save() {
        focus();
        Keyboard.press(SWT.CTRL, 's');
        Wait.until("the editor to be saved", () -> !Ui.call(editor::isDirty));
    }

    /** Closes the editor, dropping unsaved changes. */
    public void closeWithoutSaving() {
        Ui.run(() -> editor.getSite().getPage().closeEditor(editor, false));
    }

    private StyledText widget() {
        return (StyledText) editor.getAdapter(org.eclipse.swt.widgets.Control.class);
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** The workbench window, for pictures of the editor in its place. */
    private static final class WorkbenchShot extends ShellPage {
        WorkbenchShot() {
            super(Ui.call(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()));
        }
    }
}
