package io.mailrules.core.journal;

import io.mailrules.core.account.MailboxAccount;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.run.RunId;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The first line of a run's journal: enough to list the run and to tell undo and resume what they work on without
 * reading the plan.
 *
 * @param sourceFile the rule file the plan was computed from, as the user named it
 * @param mailboxes the mailboxes the run touches, in plan order
 * @param refersTo the run an undo reverses or a resume continues; absent exactly for {@link RunKind#RUN}
 * @param accounts the {@link MailboxAccount#key() account key} of each mailbox whose plan named one; empty in
 *        journals written before runs recorded them
 */
public record RunHeader(RunId runId, PlanId planId, String sourceFile, List<String> mailboxes, Instant startedAt,
        RunKind kind, Optional<RunId> refersTo, Map<String, String> accounts) implements JournalEntry {

    public RunHeader {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(refersTo, "refersTo");
        if (sourceFile.isBlank()) {
            throw new IllegalArgumentException("run " + runId + ": the source file must not be blank");
        }
        mailboxes = List.copyOf(mailboxes);
        if (mailboxes.stream().anyMatch(String::isBlank) || new HashSet<>(mailboxes).size() != mailboxes.size()) {
            throw new IllegalArgumentException("run " + runId + ": mailboxes must be distinct and not blank: "
                    + mailboxes);
        }
        if (kind.refersToAnotherRun() != refersTo.isPresent()) {
            throw new IllegalArgumentException("run " + runId + ": " + (refersTo.isPresent()
                    ? "a plain run refers to no other run"
                    : (kind == RunKind.UNDO ? "an undo" : "a resume") + " must name the run it works on"));
        }
        Objects.requireNonNull(accounts, "accounts");
        accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            if (!mailboxes.contains(account.getKey()) || !MailboxAccount.isKey(account.getValue())) {
                throw new IllegalArgumentException("run " + runId + ": account \"" + account.getValue()
                        + "\" of mailbox \"" + account.getKey() + "\" is not the key of one of its mailboxes");
            }
        }
        if (refersTo.filter(runId::equals).isPresent()) {
            throw new IllegalArgumentException("run " + runId + " cannot " + kind.name().toLowerCase(Locale.ROOT)
                    + " itself");
        }
    }

    /** A header that names no account: how journals were written before runs recorded them. */
    public RunHeader(RunId runId, PlanId planId, String sourceFile, List<String> mailboxes, Instant startedAt,
            RunKind kind, Optional<RunId> refersTo) {
        this(runId, planId, sourceFile, mailboxes, startedAt, kind, refersTo, Map.of());
    }

    public static RunHeader run(RunId runId, PlanId planId, String sourceFile, List<String> mailboxes,
            Instant startedAt) {
        return new RunHeader(runId, planId, sourceFile, mailboxes, startedAt, RunKind.RUN, Optional.empty());
    }

    /** An undo or a resume of {@code original}. */
    public static RunHeader following(RunKind kind, RunId original, RunId runId, PlanId planId, String sourceFile,
            List<String> mailboxes, Instant startedAt) {
        return new RunHeader(runId, planId, sourceFile, mailboxes, startedAt, kind, Optional.of(original));
    }

    @Override
    public Instant at() {
        return startedAt;
    }
}
