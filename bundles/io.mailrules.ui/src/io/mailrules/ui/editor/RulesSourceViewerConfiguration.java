package io.mailrules.ui.editor;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.assist.RulesContentAssistProcessor;
import io.mailrules.ui.assist.RulesQuickAssistProcessor;
import io.mailrules.ui.assist.RulesTextHover;
import io.mailrules.ui.editor.coloring.CodeScanner;
import io.mailrules.ui.editor.coloring.RulesColors;

/** Wires the language's services into the text viewer of a rules editor. */
final class RulesSourceViewerConfiguration extends TextSourceViewerConfiguration {

    private final RulesEditor editor;

    RulesSourceViewerConfiguration(RulesEditor editor) {
        super(EditorsUI.getPreferenceStore());
        this.editor = editor;
    }

    @Override
    public String getConfiguredDocumentPartitioning(ISourceViewer sourceViewer) {
        return RulesPartitions.PARTITIONING;
    }

    @Override
    public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
        return RulesPartitions.CONTENT_TYPES.clone();
    }

    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
        PresentationReconciler reconciler = new PresentationReconciler();
        reconciler.setDocumentPartitioning(RulesPartitions.PARTITIONING);
        color(reconciler, IDocument.DEFAULT_CONTENT_TYPE, new CodeScanner(wordKeywords()));
        color(reconciler, RulesPartitions.COMMENT, uniform(RulesColors.COMMENT));
        color(reconciler, RulesPartitions.STRING, uniform(RulesColors.STRING));
        return reconciler;
    }

    private static void color(PresentationReconciler reconciler, String contentType, ITokenScanner scanner) {
        DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(scanner);
        reconciler.setDamager(damagerRepairer, contentType);
        reconciler.setRepairer(damagerRepairer, contentType);
    }

    private static ITokenScanner uniform(TextAttribute look) {
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setDefaultReturnToken(new Token(look));
        return scanner;
    }

    /** The grammar's keywords that are words; punctuation such as '{' stays uncolored. */
    private static Set<String> wordKeywords() {
        IGrammarAccess grammar = MailrulesUiPlugin.service(IGrammarAccess.class);
        Set<String> words = new TreeSet<>();
        for (String keyword : GrammarUtil.getAllKeywords(grammar.getGrammar())) {
            if (!keyword.isEmpty() && Character.isLetter(keyword.charAt(0))) {
                words.add(keyword);
            }
        }
        return words;
    }

    @Override
    public IReconciler getReconciler(ISourceViewer sourceViewer) {
        return editor.file() == null ? null : editor.createReconciler();
    }

    @Override
    public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
        // asynchronous: proposals are computed off the UI thread, which parsing a large file needs
        ContentAssistant assistant = new ContentAssistant(true);
        assistant.setDocumentPartitioning(RulesPartitions.PARTITIONING);
        RulesContentAssistProcessor processor = new RulesContentAssistProcessor(editor::parseOfCurrentText);
        for (String contentType : RulesPartitions.CONTENT_TYPES) {
            assistant.setContentAssistProcessor(processor, contentType);
        }
        assistant.enableAutoActivation(false);
        assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
        return assistant;
    }

    @Override
    public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
        return new RulesTextHover(editor::parseOfCurrentText, sourceViewer);
    }

    @Override
    public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
        QuickAssistAssistant assistant = new QuickAssistAssistant();
        assistant.setQuickAssistProcessor(new RulesQuickAssistProcessor(editor));
        assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
        return assistant;
    }
}
