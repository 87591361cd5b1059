package io.mailrules.cli.fleet;

import java.util.Optional;

import io.mailrules.engine.CompiledPlan;

/**
 * Hears of each mailbox as soon as it is finished, from the mailbox's worker thread; calls are serialized, so a
 * listener may print without mixing two mailboxes' lines.
 */
@FunctionalInterface
public interface FleetListener {

    /** @param plan the mailbox's plan, absent when it could not be made */
    void finished(MailboxOutcome outcome, Optional<CompiledPlan> plan);
}
