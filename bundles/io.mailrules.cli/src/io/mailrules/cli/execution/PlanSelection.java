package io.mailrules.cli.execution;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.mailrules.cli.UsageException;
import io.mailrules.cli.options.Arguments;
import io.mailrules.dsl.mailrules.Group;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.engine.PlanRequest;

/** What {@code --job}, {@code --mailbox} and {@code --group} restrict a plan to. */
public final class PlanSelection {

    public static final Set<String> OPTIONS = Set.of("--job", "--mailbox", "--group");

    private PlanSelection() {
    }

    public static PlanRequest request(Arguments arguments, RulesInUse rules) throws UsageException {
        Optional<String> mailbox = arguments.value("--mailbox");
        Optional<String> group = arguments.value("--group");
        if (mailbox.isPresent() && group.isPresent()) {
            throw new UsageException("--mailbox and --group exclude each other");
        }
        PlanRequest request = PlanRequest.allJobs(rules.model(), rules.source());
        if (arguments.value("--job").isPresent()) {
            request = request.forJob(arguments.value("--job").get());
        }
        if (mailbox.isPresent()) {
            if (rules.logins().mailbox(mailbox.get()).isEmpty()) {
                throw new UsageException("no mailbox '" + mailbox.get() + "' in " + rules.typedPath());
            }
            request = request.forMailbox(mailbox.get());
        }
        if (group.isPresent()) {
            Group found = group(rules.model(), group.get()).orElseThrow(() -> new UsageException(
                    "no group '" + group.get() + "' in " + rules.typedPath()));
            request = request.forMailboxes(found.getMembers().stream().map(Mailbox::getName)
                    .collect(Collectors.toSet()));
        }
        return request;
    }

    /** Groups may come from imported files, so the whole resource set is searched. */
    public static Optional<Group> group(Model model, String name) {
        return ModelElements.named(model, Group.class, name, Group::getName);
    }
}
