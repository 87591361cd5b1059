package io.mailrules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.EObject;

import io.mailrules.dsl.mailrules.Group;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.Retention;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.Target;

/** Finds the jobs a request names and the mailboxes they run on, in the order the file declares them. */
final class JobSelection {

    private JobSelection() {
    }

    static List<Job> jobs(Model model, Optional<String> name) {
        List<Job> jobs = model.getElements().stream().filter(Job.class::isInstance).map(Job.class::cast)
                .filter(job -> name.isEmpty() || name.get().equals(job.getName())).toList();
        if (name.isPresent() && jobs.isEmpty()) {
            throw new IllegalArgumentException("No rules block or retention policy named '" + name.get() + "' in "
                    + model.eResource().getURI().lastSegment());
        }
        return jobs;
    }

    /** Mailboxes by name, each with its jobs; groups are expanded and a mailbox named twice runs once. */
    static Map<Mailbox, List<Job>> mailboxes(List<Job> jobs, Set<String> only) {
        Map<Mailbox, List<Job>> byMailbox = new LinkedHashMap<>();
        for (Job job : jobs) {
            List<Target> targets = job instanceof RuleBlock block ? block.getTargets() : ((Retention) job).getTargets();
            for (Target target : targets) {
                for (Mailbox mailbox : members(target)) {
                    if (only.isEmpty() || only.contains(mailbox.getName())) {
                        List<Job> mailboxJobs = byMailbox.computeIfAbsent(mailbox, key -> new ArrayList<>());
                        if (!mailboxJobs.contains(job)) {
                            mailboxJobs.add(job);
                        }
                    }
                }
            }
        }
        if (!only.isEmpty() && byMailbox.isEmpty()) {
            throw new IllegalArgumentException(only.size() == 1
                    ? "Mailbox '" + only.iterator().next() + "' is not a target of the selected jobs"
                    : "None of the mailboxes " + String.join(", ", new TreeSet<>(only))
                            + " is a target of the selected jobs");
        }
        return byMailbox;
    }

    private static List<Mailbox> members(Target target) {
        requireResolved(target);
        if (target instanceof Group group) {
            group.getMembers().forEach(JobSelection::requireResolved);
            return group.getMembers();
        }
        return List.of((Mailbox) target);
    }

    private static void requireResolved(EObject object) {
        if (object.eIsProxy()) {
            throw new IllegalArgumentException("Unresolved reference " + ((org.eclipse.emf.ecore.InternalEObject) object)
                    .eProxyURI() + ": validate the file and its imports first");
        }
    }
}
