package io.mailrules.dsl.ide.symbols;

import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;

import io.mailrules.dsl.analysis.Describe;
import io.mailrules.dsl.analysis.Rules;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.Schedule;
import io.mailrules.dsl.mailrules.Server;

/**
 * One-line summaries next to outline entries: a mailbox's host, a block's targets and folder, a rule's actions.
 */
public class MailrulesSymbolDetailsProvider extends DocumentSymbolDetailsProvider {

    @Override
    public String getDetails(EObject object) {
        if (object instanceof Mailbox mailbox) {
            return mailbox.getSettings().stream().filter(Server.class::isInstance).map(s -> ((Server) s).getHost())
                    .findFirst().orElse("");
        } else if (object instanceof Job job) {
            String targets = job.getTargets().stream().map(t -> t.eIsProxy() ? "?" : t.getName())
                    .collect(Collectors.joining(", "));
            return job instanceof RuleBlock block ? "for " + targets + " in " + Rules.sourceFolder(block)
                    : "for " + targets;
        } else if (object instanceof Rule rule) {
            return rule.getActions().stream().map(Describe::text).collect(Collectors.joining(", "));
        } else if (object instanceof Schedule schedule && schedule.getTiming() != null) {
            return Describe.text(schedule.getTiming());
        }
        return "";
    }
}
