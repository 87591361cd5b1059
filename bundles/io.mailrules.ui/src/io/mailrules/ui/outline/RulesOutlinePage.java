package io.mailrules.ui.outline;

import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

import io.mailrules.ui.editor.RulesEditor;

/**
 * The outline of a rules file: its document symbols (mailboxes, layouts and their folders, rule blocks and their
 * rules, ...). Choosing a node shows its declaration in the editor.
 */
public final class RulesOutlinePage extends ContentOutlinePage {

    public static final String TREE_ID = "io.mailrules.ui.outline";

    private final RulesEditor editor;
    private List<DocumentSymbol> symbols = List.of();

    public RulesOutlinePage(RulesEditor editor) {
        this.editor = editor;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.getTree().setData("id", TREE_ID);
        viewer.setContentProvider(new SymbolContent());
        viewer.setLabelProvider(new SymbolLabels());
        viewer.setAutoExpandLevel(TreeViewer.ALL_LEVELS);
        viewer.setInput(symbols);
    }

    /** Shows the symbols of the latest reconcile; on the UI thread. */
    public void show(List<DocumentSymbol> latest) {
        symbols = latest;
        TreeViewer viewer = getTreeViewer();
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.setInput(latest);
        }
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        super.selectionChanged(event);
        if (event.getSelection() instanceof IStructuredSelection selection
                && selection.getFirstElement() instanceof DocumentSymbol symbol) {
            var start = symbol.getSelectionRange().getStart();
            var end = symbol.getSelectionRange().getEnd();
            var document = editor.document();
            try {
                int from = document.getLineOffset(start.getLine()) + start.getCharacter();
                int to = document.getLineOffset(end.getLine()) + end.getCharacter();
                editor.reveal(from, Math.max(0, to - from));
            } catch (org.eclipse.jface.text.BadLocationException e) {
                // the text changed since the outline was computed; the next reconcile brings a fresh one
            }
        }
    }

    private static final class SymbolContent implements ITreeContentProvider {

        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            List<DocumentSymbol> children = ((DocumentSymbol) parent).getChildren();
            return children == null ? new Object[0] : children.toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            List<DocumentSymbol> children = ((DocumentSymbol) element).getChildren();
            return children != null && !children.isEmpty();
        }
    }

    private static final class SymbolLabels extends LabelProvider {

        @Override
        public String getText(Object element) {
            DocumentSymbol symbol = (DocumentSymbol) element;
            String detail = symbol.getDetail();
            return detail == null || detail.isBlank() ? symbol.getName() : symbol.getName() + " : " + detail;
        }
    }
}
