package io.mailrules.dsl.ide.highlighting;

import static io.mailrules.dsl.mailrules.MailrulesPackage.Literals.*;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.ide.editor.syntaxcoloring.DefaultSemanticHighlightingCalculator;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.CancelIndicator;

import io.mailrules.dsl.mailrules.CopyAction;
import io.mailrules.dsl.mailrules.DeleteAction;
import io.mailrules.dsl.mailrules.ExpungeAction;
import io.mailrules.dsl.mailrules.Folder;
import io.mailrules.dsl.mailrules.HeaderField;
import io.mailrules.dsl.mailrules.MatchesMatcher;
import io.mailrules.dsl.mailrules.MoveAction;
import io.mailrules.dsl.mailrules.PasswordCredential;
import io.mailrules.dsl.mailrules.RetentionPolicy;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.SecretSource;
import io.mailrules.dsl.mailrules.TopLevel;

/**
 * Colors what the lexer cannot tell apart: declared names versus references (including names that are also
 * keywords, like a layout called 'archive'), folder paths, regexes, header names, credential sources, and the
 * destructive actions.
 */
public class MailrulesSemanticHighlightingCalculator extends DefaultSemanticHighlightingCalculator {

    @Override
    protected boolean highlightElement(EObject object, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
        if (object instanceof TopLevel) {
            highlightFeature(acceptor, object, TOP_LEVEL__NAME, MailrulesHighlightingStyles.DECLARATION);
        }
        for (EReference reference : object.eClass().getEAllReferences()) {
            if (!reference.isContainment()) {
                highlightFeature(acceptor, object, reference, MailrulesHighlightingStyles.REFERENCE);
            }
        }
        if (object instanceof Rule) {
            highlightFeature(acceptor, object, RULE__NAME, MailrulesHighlightingStyles.DECLARATION);
        } else if (object instanceof Folder) {
            highlightFeature(acceptor, object, FOLDER__NAME, MailrulesHighlightingStyles.FOLDER);
        } else if (object instanceof MoveAction) {
            highlightFeature(acceptor, object, MOVE_ACTION__FOLDER, MailrulesHighlightingStyles.FOLDER);
        } else if (object instanceof CopyAction) {
            highlightFeature(acceptor, object, COPY_ACTION__FOLDER, MailrulesHighlightingStyles.FOLDER);
        } else if (object instanceof RuleBlock) {
            highlightFeature(acceptor, object, RULE_BLOCK__SOURCE, MailrulesHighlightingStyles.FOLDER);
        } else if (object instanceof RetentionPolicy) {
            highlightFeature(acceptor, object, RETENTION_POLICY__FOLDER, MailrulesHighlightingStyles.FOLDER);
        } else if (object instanceof MatchesMatcher) {
            highlightFeature(acceptor, object, MATCHES_MATCHER__REGEX, MailrulesHighlightingStyles.REGEX);
            highlightFeature(acceptor, object, MATCHES_MATCHER__PATTERN, MailrulesHighlightingStyles.REGEX);
        } else if (object instanceof HeaderField) {
            highlightFeature(acceptor, object, HEADER_FIELD__NAME, MailrulesHighlightingStyles.HEADER_NAME);
        } else if (object instanceof SecretSource) {
            highlightFeature(acceptor, object, SECRET_SOURCE__REFERENCE, MailrulesHighlightingStyles.SECRET);
        } else if (object instanceof PasswordCredential) {
            highlightFeature(acceptor, object, PASSWORD_CREDENTIAL__LITERAL, MailrulesHighlightingStyles.SECRET);
        } else if (object instanceof DeleteAction || object instanceof ExpungeAction) {
            INode node = NodeModelUtils.findActualNodeFor(object);
            if (node != null) {
                acceptor.addPosition(node.getOffset(), node.getLength(), MailrulesHighlightingStyles.DESTRUCTIVE);
            }
        }
        return false;
    }
}
