package io.mailrules.cli.fleet;

import java.time.ZoneId;
import java.util.Optional;

import io.mailrules.cli.Console;
import io.mailrules.cli.output.PlanPrinter;
import io.mailrules.cli.output.Refusals;
import io.mailrules.cli.output.RunPrinter;
import io.mailrules.core.check.PlanGate;
import io.mailrules.engine.CompiledPlan;

/**
 * What {@code mailrules run} shows of each mailbox as it finishes: its plan and what was done on standard output,
 * for people (with {@code --json}, nothing: the JSON summary comes at the end), and its outcome in the log.
 */
public final class FleetPrinting implements FleetListener {

    private final Console console;
    private final boolean json;
    private final PlanGate gate;

    /** @param gate what the run checks each plan against, for the plan's lines on what it refuses */
    public FleetPrinting(Console console, boolean json, PlanGate gate) {
        this.console = console;
        this.json = json;
        this.gate = gate;
    }

    @Override
    public void finished(MailboxOutcome outcome, Optional<CompiledPlan> plan) {
        plan.ifPresent(compiled -> compiled.undecided().forEach(message -> UndecidedLog.write(console.log(),
                message)));
        if (!json && plan.isPresent()) {
            // Plans for applying carry no message rows: counts, folder changes and folders to create only.
            new PlanPrinter(ZoneId.systemDefault()).printSummary(plan.get(), gate, console.out());
            console.out().println();
        }
        if (!json && outcome.run().isPresent()) {
            RunPrinter.print(outcome.run().get(), console.out());
            console.out().println();
        }
        MailboxOutcomeLog.write(console.log(), outcome);
        outcome.run().ifPresent(run -> Refusals.explain(run, console.log()));
    }
}
