package io.mailrules.cli.serve;

import java.util.List;

/**
 * One schedule of a rules file, ready to run.
 *
 * @param where the schedule's place for messages, e.g. {@code rules.mailrules:14}
 * @param jobs the rules blocks and retention policies it runs, in order
 */
public record ServedSchedule(String name, String where, Timing timing, List<String> jobs) {

    public ServedSchedule {
        jobs = List.copyOf(jobs);
    }
}
