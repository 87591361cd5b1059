package io.mailrules.cli.fleet;

import java.time.ZoneId;
import java.util.Optional;

import io.mailrules.cli.Console;
import io.mailrules.cli.output.PlanPrinter;
import io.mailrules.cli.output.RunPrinter;
import io.mailrules.engine.CompiledPlan;

/**
 * What {@code mailrules run} shows of each mailbox as it finishes: its plan and what was done, for people; or, with
 * {@code --json}, only its problems on standard error, the JSON summary coming at the end.
 */
public final class FleetPrinting implements FleetListener {

    private final String command;
    private final Console console;
    private final boolean json;

    public FleetPrinting(String command, Console console, boolean json) {
        this.command = command;
        this.console = console;
        this.json = json;
    }

    @Override
    public void finished(MailboxOutcome outcome, Optional<CompiledPlan> plan) {
        plan.ifPresent(compiled -> compiled.warnings().forEach(warning -> console.err().println("mailrules "
                + command + ": warning: " + warning)));
        if (!json && plan.isPresent()) {
            // Plans for applying carry no message rows: counts, folder changes and folders to create only.
            new PlanPrinter(ZoneId.systemDefault()).printSummary(plan.get(), console.out());
            console.out().println();
        }
        if (!json && outcome.run().isPresent()) {
            RunPrinter.print(outcome.run().get(), console.out());
            console.out().println();
        }
        if (outcome.run().isEmpty() && outcome.error().isPresent()) {
            console.err().println("mailrules " + command + ": " + outcome.error().get()
                    + (outcome.status().equals("failed") ? " Nothing was changed in mailbox " + outcome.mailbox()
                            + "." : ""));
        }
    }
}
