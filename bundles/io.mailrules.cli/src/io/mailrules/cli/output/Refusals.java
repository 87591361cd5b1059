package io.mailrules.cli.output;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.mailrules.cli.execution.CheckOptions;
import io.mailrules.cli.log.Log;
import io.mailrules.core.check.Consent;
import io.mailrules.core.check.PlanGate;
import io.mailrules.core.check.Refusal;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.run.MailboxReport;
import io.mailrules.core.run.RunResult;
import io.mailrules.engine.CompiledPlan;

/**
 * What the checks made before anything is sent say, for people: in a dry run, per mailbox, what a run would refuse
 * or go past; after a run, which mailboxes were refused and how to go on.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The dry run's lines of one mailbox: nothing when its plan passes every check untouched. */
    static void printChecks(CompiledPlan compiled, MailboxPlan mailbox, PlanGate gate, PrintStream out) {
        PlanGate.Verdict verdict = gate.check(mailbox, compiled.server(mailbox.mailbox()));
        if (verdict.refused()) {
            out.println("  Refused:  a run refuses this mailbox and changes nothing in it:");
            verdict.refusals().forEach(refusal -> out.println("    " + refusal.message()));
            out.println("    " + howToGoOn(verdict.refusals()));
        }
        if (!verdict.passed().isEmpty()) {
            out.println("  Allowed:  past these checks, as agreed:");
            verdict.passed().forEach(refusal -> out.println("    " + refusal.message()));
        }
        if (!verdict.leftOut().isEmpty()) {
            out.println("  Left out: " + PlanPrinter.count(verdict.leftOut().size(), "batch")
                    + " the server cannot carry out (" + CheckOptions.SKIP_UNSUPPORTED + ")");
        }
    }

    /**
     * After a run: what to do about each refused mailbox, as a log line of its own (its reasons were logged when it
     * was refused, as {@code mailboxRefused}).
     */
    public static void explain(RunResult result, Log log) {
        explain(result.mailboxes(), log);
    }

    public static void explain(Collection<MailboxReport> reports, Log log) {
        for (MailboxReport report : reports) {
            if (report.isRefused()) {
                log.warn("refused", "mailbox", report.mailbox(), "message", "refused before anything was sent;"
                        + " nothing was changed in it. " + howToGoOn(report.refusals()));
            }
        }
    }

    /** One line of the refusals, for a summary's error column. */
    public static String summary(List<Refusal> refusals) {
        return "refused, nothing changed: " + refusals.stream().map(Refusal::message)
                .collect(Collectors.joining("; "));
    }

    private static String howToGoOn(List<Refusal> refusals) {
        boolean large = refusals.stream().anyMatch(refusal -> refusal.consent() == Consent.Kind.LARGE);
        boolean unsupported = refusals.stream().anyMatch(refusal -> refusal.consent() == Consent.Kind.UNSUPPORTED);
        StringBuilder text = new StringBuilder();
        if (large) {
            text.append("If that much is meant, run again with ").append(CheckOptions.ALLOW_LARGE)
                    .append(" (once, e.g. a first archive), or raise the block's limits ('limits { remove at most"
                            + " ... }', '--max-remove', '--max-move').");
        }
        if (unsupported) {
            text.append(large ? " " : "").append("To run what the server can do (flags, copies) and leave those"
                    + " messages where they are, run again with ").append(CheckOptions.SKIP_UNSUPPORTED).append('.');
        }
        return text.toString();
    }
}
