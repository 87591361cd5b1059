package io.mailrules.ui.preview;

import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.source.FolderNameException;
import io.mailrules.core.source.MailboxException;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanCompiler;
import io.mailrules.engine.PlanRequest;
import io.mailrules.imap.ImapMailboxAccess;
import io.mailrules.imap.LockingLogins;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.ui.runs.RunServices;

/** The dry run of one mailbox over EXAMINE, which changes nothing on the server. */
public final class MailboxPlanning {

    private final RunServices services;
    private final RulesFile rules;
    private final MailboxLogins logins;

    public MailboxPlanning(RunServices services, RulesFile rules, MailboxLogins logins) {
        this.services = services;
        this.rules = rules;
        this.logins = logins;
    }

    /**
     * @param request the file's jobs to plan; only {@code mailbox}'s part of them is planned, holding its lock, as
     *        {@code mailrules plan} does
     */
    public MailboxPreview plan(PlanRequest request, String mailbox) {
        try (LockingLogins locked = services.locking(logins);
                ImapMailboxAccess access = new ImapMailboxAccess(services.connector(), locked)) {
            PlanRequest mine = request.forMailbox(mailbox).withId(planId(request, mailbox));
            CompiledPlan compiled = new PlanCompiler(access, services.clock()).compile(mine);
            if (!compiled.notPlanned().isEmpty()) {
                return MailboxPreview.failed(mailbox, compiled.notPlanned().getFirst().getMessage());
            }
            return MailboxPreview.planned(mailbox, compiled.plan(), compiled.server(mailbox), compiled.warnings());
        } catch (MailboxException e) {
            return MailboxPreview.failed(mailbox, e.getMessage());
        } catch (IllegalArgumentException e) {
            // the compiler's word for a job or folder the file does not have
            return MailboxPreview.failed(mailbox, e.getMessage());
        }
    }

    /**
     * The dry run of every mailbox the request covers, as one plan, with its warnings.
     *
     * @throws FolderNameException for a mailbox whose rules name a folder its server cannot name
     */
    public CompiledPlan planAll(PlanRequest request) throws MailboxException {
        try (ImapMailboxAccess access = new ImapMailboxAccess(services.connector(), logins)) {
            CompiledPlan compiled = new PlanCompiler(access, services.clock()).compile(request);
            if (!compiled.notPlanned().isEmpty()) {
                throw compiled.notPlanned().getFirst();
            }
            return compiled;
        }
    }

    /** Plans of two mailboxes made in the same second would otherwise share an id. */
    private PlanId planId(PlanRequest request, String mailbox) {
        return new PlanId("plan-" + services.clock().instant().toEpochMilli() + "-" + mailbox
                + request.job().map(job -> "-" + job).orElse("") + "-" + rules.source().sha256().substring(0, 8));
    }
}
