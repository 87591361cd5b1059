package io.mailrules.dsl.validation;

import static io.mailrules.dsl.mailrules.MailrulesPackage.Literals.*;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import io.mailrules.dsl.analysis.AnalysisCache;
import io.mailrules.core.source.FolderPaths;
import io.mailrules.dsl.analysis.RetentionGraph;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.MoveAction;
import io.mailrules.dsl.mailrules.Retention;
import io.mailrules.dsl.mailrules.RetentionPolicy;
import io.mailrules.dsl.mailrules.TimeUnit;

/**
 * Checks of retention policies: cycles between folders, moves into the folder being cleaned, and folders that
 * the retention's layout lacks.
 */
public class RetentionValidator extends MailrulesCheckBase {

    @Inject
    private AnalysisCache analysis;

    @Inject
    private FolderChecks folders;

    @Check
    public void checkPolicy(RetentionPolicy policy) {
        Retention retention = (Retention) policy.eContainer();
        String target = RetentionGraph.target(policy);
        if (policy.getAmount() <= 0) {
            error("Retention '" + retention.getName() + "' must keep mail for at least one "
                    + (policy.getUnit() == TimeUnit.DAYS ? "day" : "month"), policy, RETENTION_POLICY__AMOUNT,
                    MailrulesIssueCodes.INVALID_KEEP);
        }
        if (target != null && policy.getFolder() != null && FolderPaths.same(target, policy.getFolder())) {
            error("Retention '" + retention.getName() + "' moves mail from \"" + policy.getFolder()
                    + "\" into the same folder", policy.getAction(), MOVE_ACTION__FOLDER,
                    MailrulesIssueCodes.MOVE_TO_SOURCE);
            return;
        }
        List<RetentionPolicy> cycle = analysis.retention(policy).cycleThrough(policy);
        if (!cycle.isEmpty()) {
            String path = cycle.stream().map(p -> "\"" + p.getFolder() + "\"").collect(Collectors.joining(" -> "))
                    + " -> \"" + policy.getFolder() + "\"";
            error("Retention cycle: retention '" + retention.getName() + "' moves \"" + policy.getFolder()
                    + "\" to \"" + target + "\" and mail comes back (" + path
                    + "); it would be moved forever", policy.getAction(), MOVE_ACTION__FOLDER,
                    MailrulesIssueCodes.RETENTION_CYCLE);
        }
        Layout layout = retention.getLayout();
        if (layout != null && !layout.eIsProxy()) {
            if (policy.getFolder() != null) {
                folders.check(policy, policy.getFolder(), layout).ifPresent(
                        p -> error(p.message(), policy, RETENTION_POLICY__FOLDER, p.code(), p.data()));
            }
            if (policy.getAction() instanceof MoveAction move && move.getFolder() != null) {
                folders.check(policy, move.getFolder(), layout).ifPresent(
                        p -> error(p.message(), move, MOVE_ACTION__FOLDER, p.code(), p.data()));
            }
        }
    }
}
