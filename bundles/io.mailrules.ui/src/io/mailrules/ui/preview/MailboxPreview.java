package io.mailrules.ui.preview;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.mailrules.core.check.ServerSupport;
import io.mailrules.core.plan.Plan;

/**
 * The dry run of one mailbox: its plan, or why it could not be made (the server could not be reached, a folder the
 * rules read is missing, a secret is missing). A failed mailbox is shown, and left out of Apply.
 *
 * @param server what the mailbox's server can carry out safely, as the dry run found it
 * @param warnings what the plan says the user must know, such as a message a rule could not decide
 */
public record MailboxPreview(String mailbox, Optional<Plan> plan, Optional<String> failure, ServerSupport server,
        List<String> warnings) {

    public MailboxPreview {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(server, "server");
        warnings = List.copyOf(warnings);
        if (plan.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("a mailbox preview has a plan or a failure: " + mailbox);
        }
    }

    public static MailboxPreview planned(String mailbox, Plan plan, ServerSupport server) {
        return planned(mailbox, plan, server, List.of());
    }

    public static MailboxPreview planned(String mailbox, Plan plan, ServerSupport server, List<String> warnings) {
        return new MailboxPreview(mailbox, Optional.of(plan), Optional.empty(), server, warnings);
    }

    public static MailboxPreview failed(String mailbox, String why) {
        return new MailboxPreview(mailbox, Optional.empty(), Optional.of(why), ServerSupport.ALL, List.of());
    }
}
