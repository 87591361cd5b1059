package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.cli.Console;
import io.mailrules.cli.execution.RulesInUse;
import io.mailrules.cli.serve.ServedSchedule;
import io.mailrules.cli.serve.ServedSchedules;
import io.mailrules.dsl.mailrules.Model;

/** What serve runs when: the file's schedules at the workbench's times, or its jobs at {@code --every}. */
class ServedSchedulesTest {

    private static final Instant START = Instant.parse("2026-11-27T14:49:07Z");

    @TempDir
    Path work;

    private Model load(String schedules) throws Exception {
        Files.writeString(work.resolve("serve.mailrules"), """
                mailbox sdr {
                    host "imap.example.com" port 993 tls
                    user "sdr@example.com"
                    password from env "SDR_PASSWORD"
                }

                rules routing for sdr in "INBOX" {
                    rule bounces when subject contains "Undelivered" then move to "Bounces"
                }

                """ + schedules);
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(ignored, true, StandardCharsets.UTF_8);
        return RulesInUse.load("serve.mailrules", new Console(new ByteArrayInputStream(new byte[0]), stream, stream,
                work)).model();
    }

    private List<ServedSchedule> oftenAndNightly(Optional<Duration> every) throws Exception {
        return ServedSchedules.of(load("""
                schedule often every 15 minutes run routing
                schedule nightly daily at 02:00 run routing
                """), "serve.mailrules", every, START);
    }

    private static List<String> firstFirings(List<ServedSchedule> schedules) {
        return schedules.stream().map(schedule -> schedule.name() + "@" + schedule.next(START, ZoneOffset.UTC)
                .orElseThrow()).toList();
    }

    @Test
    void theFilesIntervalsFireOnTheMultiplesFromMidnightAsInTheWorkbench() throws Exception {
        List<ServedSchedule> schedules = oftenAndNightly(Optional.empty());
        assertEquals(List.of("often@2026-11-27T15:00:00Z", "nightly@2026-11-28T02:00:00Z"), firstFirings(schedules));
        assertEquals(List.of("serve.mailrules:11", "serve.mailrules:12"),
                schedules.stream().map(ServedSchedule::where).toList());
    }

    @Test
    void everyReplacesEachTimingAndCountsFromServesStart() throws Exception {
        List<ServedSchedule> schedules = oftenAndNightly(Optional.of(Duration.ofMinutes(15)));
        assertEquals(List.of("often@2026-11-27T15:04:07Z", "nightly@2026-11-27T15:04:07Z"), firstFirings(schedules));
        assertEquals("every 15 minutes", schedules.getFirst().timing().describe());
    }

    @Test
    void aFileWithoutSchedulesRunsAllItsJobsOnlyWithEvery() throws Exception {
        Model model = load("");
        assertEquals(List.of(), ServedSchedules.of(model, "serve.mailrules", Optional.empty(), START));
        List<ServedSchedule> every = ServedSchedules.of(model, "serve.mailrules", Optional.of(Duration.ofSeconds(30)),
                START);
        assertEquals(List.of("every@2026-11-27T14:49:37Z"), firstFirings(every));
        assertEquals(List.of("routing"), every.getFirst().jobs());
    }
}
