package io.mailrules.ui.editor;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.editor.coloring.SemanticHighlighter;
import io.mailrules.ui.editor.coloring.SemanticHighlighter.StyledPosition;
import io.mailrules.ui.markers.RulesMarkers;
import io.mailrules.ui.model.ParsedRules;
import io.mailrules.ui.model.RulesParser;

/**
 * Runs on the reconciler's thread after the user pauses typing (and after a save): parses the whole text,
 * validates it, replaces the file's problem markers and hands styles and outline to the editor.
 */
final class ValidatingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

    private final IFile file;
    private final Consumer<Reconciled> editor;
    private IDocument document;
    private IProgressMonitor monitor = new NullProgressMonitor();

    ValidatingStrategy(IFile file, Consumer<Reconciled> editor) {
        this.file = file;
        this.editor = editor;
    }

    @Override
    public void setDocument(IDocument document) {
        this.document = document;
    }

    @Override
    public void setProgressMonitor(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void initialReconcile() {
        reconcileAll();
    }

    @Override
    public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
        reconcileAll();
    }

    @Override
    public void reconcile(IRegion partition) {
        reconcileAll();
    }

    // The language's checks span the whole file (shadowed rules, retention cycles), so every reconcile is a full one.
    private void reconcileAll() {
        IDocument current = document;
        if (current == null) {
            return;
        }
        long stamp = ((IDocumentExtension4) current).getModificationStamp();
        String text = current.get();
        CancelIndicator cancel = monitor::isCanceled;
        try {
            ParsedRules parse = MailrulesUiPlugin.service(RulesParser.class).parse(file, text);
            List<Issue> issues = MailrulesUiPlugin.service(RulesParser.class).validate(parse, cancel);
            if (cancel.isCanceled()) {
                return;
            }
            // Markers for an outdated text would point at wrong lines; the newer text is reconciled next.
            if (((IDocumentExtension4) current).getModificationStamp() != stamp) {
                return;
            }
            RulesMarkers.replace(file, issues);
            List<StyledPosition> styles = SemanticHighlighter.compute(parse.resource(), cancel);
            List<DocumentSymbol> symbols = MailrulesUiPlugin.service(HierarchicalDocumentSymbolService.class)
                    .getSymbols(parse.resource(), cancel);
            editor.accept(new Reconciled(stamp, parse, issues, styles, symbols));
        } catch (OperationCanceledError e) {
            // the user typed on: the next reconcile follows
        } catch (CoreException | RuntimeException e) {
            if (!cancel.isCanceled()) {
                MailrulesUiPlugin.log("Validating " + file.getFullPath() + " failed", e);
            }
        }
    }
}
