package io.mailrules.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.actions.FormatAction;
import io.mailrules.ui.actions.OpenDeclarationAction;
import io.mailrules.ui.actions.ToggleCommentAction;
import io.mailrules.ui.editor.coloring.SemanticHighlighter;
import io.mailrules.ui.markers.Revalidation;
import io.mailrules.ui.model.ParsedRules;
import io.mailrules.ui.model.RulesParser;
import io.mailrules.ui.outline.RulesOutlinePage;

/**
 * The editor of .mailrules files: coloring, validation as you type (markers in the ruler and the Problems view),
 * content assist, hover, quick fixes, outline, format, toggle comment and go to declaration, all served by the
 * language's ide services in process.
 */
public final class RulesEditor extends TextEditor {

    public static final String ID = "io.mailrules.ui.rulesEditor";
    /** Key bindings of the rules editor (format, toggle comment, open declaration) live in this context. */
    public static final String CONTEXT = "io.mailrules.ui.rulesEditorScope";

    private SemanticHighlighter highlighter;
    private RulesOutlinePage outline;
    private RulesReconciler reconciler;
    private volatile Reconciled latest;

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setDocumentProvider(new RulesDocumentProvider());
        setSourceViewerConfiguration(new RulesSourceViewerConfiguration(this));
    }

    @Override
    protected void initializeKeyBindingScopes() {
        setKeyBindingScopes(new String[] { CONTEXT });
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        getSourceViewer().getTextWidget().setData("id", ID);
        highlighter = new SemanticHighlighter(getSourceViewer());
    }

    @Override
    protected void createActions() {
        super.createActions();
        setAction(FormatAction.ID, new FormatAction(this));
        setAction(ToggleCommentAction.ID, new ToggleCommentAction(this));
        setAction(OpenDeclarationAction.ID, new OpenDeclarationAction(this));
    }

    @Override
    protected void editorContextMenuAboutToShow(IMenuManager menu) {
        super.editorContextMenuAboutToShow(menu);
        addAction(menu, ITextEditorActionConstants.GROUP_EDIT, OpenDeclarationAction.ID);
        addAction(menu, ITextEditorActionConstants.GROUP_EDIT, FormatAction.ID);
        addAction(menu, ITextEditorActionConstants.GROUP_EDIT, ToggleCommentAction.ID);
    }

    /** The rules file in the workspace, or null when the editor shows something else. */
    public IFile file() {
        return getEditorInput() == null ? null : getEditorInput().getAdapter(IFile.class);
    }

    public IDocument document() {
        return getDocumentProvider().getDocument(getEditorInput());
    }

    RulesReconciler createReconciler() {
        reconciler = new RulesReconciler(new ValidatingStrategy(file(), this::reconciled));
        return reconciler;
    }

    /** Validates again although the text did not change, e.g. after a file it imports changed. */
    public void revalidate() {
        if (reconciler != null) {
            reconciler.reconcileNow();
        }
    }

    @Override
    protected void editorSaved() {
        super.editorSaved();
        revalidate();
    }

    /** Called on the reconciler's thread. */
    private void reconciled(Reconciled result) {
        latest = result;
        Display display = getSite().getShell().getDisplay();
        display.asyncExec(() -> {
            if (highlighter == null || getSourceViewer() == null || getSourceViewer().getTextWidget().isDisposed()) {
                return;
            }
            highlighter.show(result.styles(), result.stamp());
            if (outline != null) {
                outline.show(result.symbols());
            }
        });
    }

    /**
     * The parse of the text as it is now: the reconciler's when it is current, else a fresh one. Safe to call from
     * any thread; content assist and hover call it off the UI thread.
     */
    public ParsedRules parseOfCurrentText() {
        IDocument document = document();
        long stamp = ((IDocumentExtension4) document).getModificationStamp();
        Reconciled known = latest;
        if (known != null && known.stamp() == stamp) {
            return known.parse();
        }
        return MailrulesUiPlugin.service(RulesParser.class).parse(file(), document.get());
    }

    /**
     * Whether validation has finished for the text as it is now, so its markers are the current ones. Marker
     * resolutions and tests wait for it.
     */
    public boolean isValidationCurrent() {
        Reconciled known = latest;
        IDocument document = document();
        return known != null && document != null
                && known.stamp() == ((IDocumentExtension4) document).getModificationStamp();
    }

    @Override
    public <T> T getAdapter(Class<T> type) {
        if (type == IContentOutlinePage.class) {
            if (outline == null || outline.getControl() == null || outline.getControl().isDisposed()) {
                outline = new RulesOutlinePage(this);
                Reconciled known = latest;
                if (known != null) {
                    outline.show(known.symbols());
                }
            }
            return type.cast(outline);
        }
        return super.getAdapter(type);
    }

    @Override
    public void dispose() {
        if (highlighter != null) {
            highlighter.dispose();
            highlighter = null;
        }
        IFile file = file();
        super.dispose();
        // the markers described the editor's text, which may have been discarded unsaved
        if (file != null && file.exists()) {
            Revalidation.fromDisk(file);
        }
    }

    /** Selects a range in the text and shows it; used by the outline and go to declaration. */
    public void reveal(int offset, int length) {
        selectAndReveal(offset, length);
    }
}
