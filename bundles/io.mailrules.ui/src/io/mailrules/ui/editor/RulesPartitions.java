package io.mailrules.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/**
 * Comments and strings get partitions of their own, so that a block comment spanning lines is colored right after
 * any edit, and a "//" inside a string is no comment.
 */
public final class RulesPartitions {

    public static final String PARTITIONING = "io.mailrules.ui.partitioning";
    public static final String COMMENT = "io.mailrules.ui.comment";
    public static final String STRING = "io.mailrules.ui.string";
    static final String[] CONTENT_TYPES = { IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING };

    private RulesPartitions() {
    }

    /** Partitions the document unless it already is (file buffers are shared between editors). */
    public static void install(IDocument document) {
        if (!(document instanceof IDocumentExtension3 extension)
                || extension.getDocumentPartitioner(PARTITIONING) != null) {
            return;
        }
        FastPartitioner partitioner = new FastPartitioner(scanner(), new String[] { COMMENT, STRING });
        extension.setDocumentPartitioner(PARTITIONING, partitioner);
        partitioner.connect(document);
    }

    private static RuleBasedPartitionScanner scanner() {
        Token comment = new Token(COMMENT);
        Token string = new Token(STRING);
        RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
        scanner.setPredicateRules(new IPredicateRule[] {
                new EndOfLineRule("//", comment),
                new MultiLineRule("/*", "*/", comment, (char) 0, true),
                new SingleLineRule("\"", "\"", string, '\\', true) });
        return scanner;
    }
}
