package io.mailrules.dsl.ide.contentassist;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

import com.google.inject.Inject;

import io.mailrules.dsl.analysis.AnalysisCache;
import io.mailrules.core.source.FolderPaths;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.Role;
import io.mailrules.dsl.services.MailrulesGrammarAccess;

/**
 * Adds to the default keyword and name proposals: the folders of the applicable layout inside folder strings, and
 * common header names inside {@code header "..."}.
 */
public class MailrulesContentProposalProvider extends IdeContentProposalProvider {

    /** Headers that routing rules for sales and support mailboxes test most often. */
    static final List<String> COMMON_HEADERS = List.of("Auto-Submitted", "List-Unsubscribe", "List-Id", "Precedence",
            "X-Autoreply", "X-Autorespond", "Content-Type", "Return-Path", "Reply-To", "In-Reply-To", "References",
            "X-Spam-Flag", "X-Mailer", "Message-ID");

    @Inject
    private MailrulesGrammarAccess grammar;

    @Inject
    private AnalysisCache analysis;

    @Override
    protected void _createProposals(Assignment assignment, ContentAssistContext context,
            IIdeContentProposalAcceptor acceptor) {
        if (isFolderString(assignment)) {
            proposeFolders(context, acceptor);
        } else if (assignment == grammar.getHeaderFieldAccess().getNameAssignment_1()) {
            for (String header : COMMON_HEADERS) {
                propose("\"" + header + "\"", "header field", context, acceptor);
            }
        } else {
            super._createProposals(assignment, context, acceptor);
        }
    }

    private boolean isFolderString(Assignment assignment) {
        return Set.of(grammar.getMoveActionAccess().getFolderAssignment_2(),
                grammar.getCopyActionAccess().getFolderAssignment_2(),
                grammar.getRuleBlockAccess().getSourceAssignment_6_1(),
                grammar.getRetentionPolicyAccess().getFolderAssignment_1()).contains(assignment);
    }

    private void proposeFolders(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        List<String> paths = new ArrayList<>();
        paths.add(FolderPaths.INBOX);
        Layout layout = layoutAt(context.getCurrentModel());
        if (layout != null) {
            paths.addAll(analysis.layout(layout).folders().keySet().stream().sorted().toList());
            String archive = analysis.layout(layout).rolePath(Role.ARCHIVE);
            if (archive != null) {
                paths.add(archive + "/{year}");
                paths.add(archive + "/{year}/{month}");
            }
        }
        for (String path : paths) {
            propose("\"" + path + "\"", layout == null ? "folder" : "folder of layout " + layout.getName(), context,
                    acceptor);
        }
    }

    private static Layout layoutAt(EObject model) {
        Job job = EcoreUtil2.getContainerOfType(model, Job.class);
        Layout layout = job == null ? null : job.getLayout();
        return layout == null || layout.eIsProxy() ? null : layout;
    }

    private void propose(String text, String description, ContentAssistContext context,
            IIdeContentProposalAcceptor acceptor) {
        ContentAssistEntry entry = getProposalCreator().createProposal(text, context,
                e -> {
                    e.setKind(ContentAssistEntry.KIND_VALUE);
                    e.setDescription(description);
                });
        if (entry != null) {
            acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
        }
    }
}
