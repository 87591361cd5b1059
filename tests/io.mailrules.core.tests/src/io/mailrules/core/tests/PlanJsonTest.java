package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.json.JsonFormatException;
import io.mailrules.core.json.PlanJson;
import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.UidSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlanJsonTest {

    private static final String TINY_PLAN_JSON = """
            {
              "format": "mailrules-plan",
              "version": 1,
              "id": "tiny",
              "createdAt": "2025-03-01T10:15:30Z",
              "source": {
                "file": "sales.mailrules",
                "sha256": "c75a5be30850f0e5814208647dd409ecb174f3ab1c044db92a3c3a500e30ad7c"
              },
              "mailboxes": [
                {
                  "mailbox": "sdr1",
                  "host": "imap.example.com",
                  "foldersToCreate": [
                    "AutoReplies"
                  ],
                  "folders": [
                    {
                      "folder": "INBOX",
                      "uidValidity": 1700000000,
                      "uidNext": 503,
                      "messages": [
                        {
                          "uid": 502,
                          "internalDate": "2025-02-28T09:05:00Z",
                          "from": "Auto <auto@customer.com>",
                          "subject": "Out of office",
                          "rules": [
                            "ooo"
                          ],
                          "actions": [
                            "add \\\\Seen $AutoReply",
                            "move to AutoReplies"
                          ]
                        }
                      ],
                      "batches": [
                        {
                          "id": "b0-f0bab6b7",
                          "command": "addFlags",
                          "flags": [
                            "\\\\Seen",
                            "$AutoReply"
                          ],
                          "uids": "502"
                        },
                        {
                          "id": "b1-799f4cce",
                          "command": "move",
                          "target": "AutoReplies",
                          "uids": "502"
                        }
                      ]
                    }
                  ]
                }
              ]
            }
            """;

    private static Plan tinyPlan() {
        FolderSnapshot inbox = FolderSnapshot.of("INBOX", SamplePlans.INBOX_UIDVALIDITY, 503);
        Flags tags = Flags.of("$AutoReply", "\\Seen");
        PlannedMessage message = new PlannedMessage(502, Optional.empty(), Optional.of(Instant.parse("2025-02-28T09:05:00Z")),
                "Auto <auto@customer.com>", "Out of office", List.of("ooo"),
                List.of(new Action.AddFlags(tags), new Action.Move("AutoReplies")));
        FolderPlan folder = new FolderPlan(inbox, List.of(message), List.of(
                SamplePlans.batch(0, "sdr1", inbox, new BatchCommand.AddFlags(tags), UidSet.of(502)),
                SamplePlans.batch(1, "sdr1", inbox, new BatchCommand.Move("AutoReplies"), UidSet.of(502))));
        return new Plan(new PlanId("tiny"), SamplePlans.CREATED, SamplePlans.SOURCE,
                List.of(new MailboxPlan("sdr1", "imap.example.com", List.of("AutoReplies"), List.of(folder))));
    }

    @Test
    void smallPlanIsWrittenAsReadableStableJson() {
        assertEquals(TINY_PLAN_JSON, PlanJson.write(tinyPlan()));
    }

    @Test
    void goldenTextReadsBackToThePlan() {
        assertEquals(tinyPlan(), PlanJson.read(TINY_PLAN_JSON));
    }

    @Test
    void theFolderSizeIsSavedForTheChangeLimitsAndAPlanWithoutItStillReads() {
        Plan tiny = tinyPlan();
        FolderPlan folder = tiny.mailboxes().getFirst().folders().getFirst();
        Plan sized = new Plan(tiny.id(), tiny.createdAt(), tiny.source(), List.of(new MailboxPlan("sdr1",
                "imap.example.com", List.of("AutoReplies"), List.of(new FolderPlan(folder.snapshot().withMessages(40),
                        folder.messages(), folder.batches())))));
        String json = PlanJson.write(sized);
        assertTrue(json.contains("      \"uidNext\": 503,\n          \"messagesInFolder\": 40,\n"), json);
        assertEquals(sized, PlanJson.read(json));
        assertEquals(java.util.OptionalLong.empty(), PlanJson.read(TINY_PLAN_JSON).mailboxes().getFirst().folders()
                .getFirst().snapshot().messages(), "a plan saved before folder sizes were recorded");
    }

    @Test
    void everyKindOfActionAndCommandRoundTrips() {
        FolderSnapshot inbox = FolderSnapshot.of("INBOX", 9, 100, 0);
        List<PlannedMessage> messages = List.of(
                SamplePlans.message(1, "a", new Action.Copy("Copies"), new Action.Stop()),
                SamplePlans.message(2, "b", new Action.RemoveFlags(Flags.of("\\Seen", "$Junk")), new Action.Expunge()),
                SamplePlans.message(3, "c", new Action.Delete("Deleted Items")),
                SamplePlans.message(4, "d", new Action.Move("Folder with spaces/and \"quotes\"")));
        FolderPlan folder = new FolderPlan(inbox, messages, List.of(
                SamplePlans.batch(0, "m", inbox, new BatchCommand.Copy("Copies"), UidSet.of(1)),
                SamplePlans.batch(1, "m", inbox, new BatchCommand.RemoveFlags(Flags.of("\\Seen", "$Junk")),
                        UidSet.of(2)),
                SamplePlans.batch(2, "m", inbox, new BatchCommand.AddFlags(Flags.of("\\Deleted")), UidSet.of(2)),
                SamplePlans.batch(3, "m", inbox, new BatchCommand.Expunge(), UidSet.of(2)),
                SamplePlans.batch(4, "m", inbox, new BatchCommand.Move("Deleted Items"), UidSet.of(3))));
        Plan plan = new Plan(new PlanId("all-kinds"), Instant.parse("2025-01-02T03:04:05.678Z"),
                SamplePlans.SOURCE, List.of(new MailboxPlan("m", "h", List.of(), List.of(folder))));
        assertEquals(plan, PlanJson.read(PlanJson.write(plan)));
    }

    @Test
    void aPlanMadeToBeAppliedAtOnceIsStoredAsGroupsOfUidsAndReadsBackMessageByMessage() {
        FolderSnapshot inbox = FolderSnapshot.of("INBOX", 9, 100_001, 0);
        List<PlannedMessage> messages = new java.util.ArrayList<>();
        UidSet.Builder archived = UidSet.builder();
        for (long uid = 1; uid <= 100_000; uid++) {
            boolean old = uid % 3 != 0;
            messages.add(new PlannedMessage(uid, Optional.empty(), Optional.empty(), "", "",
                    List.of(old ? "archive" : "bounces"), List.of(new Action.Move(old ? "Archive/2024" : "Bounces"))));
            if (old) {
                archived.add(uid);
            }
        }
        messages.set(0, SamplePlans.message(1, "archive", new Action.Move("Archive/2024")));
        UidSet toArchive = archived.build();
        FolderPlan folder = new FolderPlan(inbox, messages, List.of(
                SamplePlans.batch(0, "m", inbox, new BatchCommand.Move("Archive/2024"), toArchive),
                SamplePlans.batch(1, "m", inbox, new BatchCommand.Move("Bounces"), UidSet.range(1, 100_000)
                        .minus(toArchive))));
        Plan plan = new Plan(new PlanId("lean"), SamplePlans.CREATED, SamplePlans.SOURCE,
                List.of(new MailboxPlan("m", "h", List.of(), List.of(folder))));

        String json = PlanJson.write(plan);

        assertTrue(json.length() < 2_000_000, "a group's UIDs are one sequence set, not an entry per message: "
                + json.length() + " characters");
        assertTrue(json.contains("\"messageGroups\""), json.substring(0, 400));
        assertEquals(plan, PlanJson.read(json), "a message that shows something keeps its own entry");
    }

    @Test
    void largerPlanRoundTripsWithItsDerivedViews() {
        Plan plan = SamplePlans.routingAndRetention();
        Plan read = PlanJson.read(PlanJson.write(plan));
        assertEquals(plan, read);
        assertEquals(plan.folderDeltas(), read.folderDeltas());
        assertEquals(plan.countsPerRule(), read.countsPerRule());
        assertEquals(PlanJson.write(plan), PlanJson.write(read));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "version 2 | `\"version\": 1,` | `\"version\": 2,` "
                + "| `$.version: unsupported plan format version 2; this Mailrules reads version 1`",
        "other format | `\"format\": \"mailrules-plan\"` | `\"format\": \"other\"` "
                + "| `$.format: expected \"mailrules-plan\", found \"other\"`",
        "UIDVALIDITY as text | `\"uidValidity\": 1700000000` | `\"uidValidity\": \"1700000000\"` "
                + "| `$.mailboxes[0].folders[0].uidValidity: expected a number, found \"1700000000\"`",
        "fractional UID | `\"uid\": 502` | `\"uid\": 502.5` "
                + "| `$.mailboxes[0].folders[0].messages[0].uid: expected a whole number from 1 to 4294967295`",
        "bad UID set | `\"uids\": \"502\"` | `\"uids\": \"502:*\"` "
                + "| `$.mailboxes[0].folders[0].batches[1].uids: invalid UID set at character 5: '*' is not allowed`",
        "missing field | `\"host\": \"imap.example.com\",` | `` "
                + "| `$.mailboxes[0].host: missing required field`",
        "misspelt field | `\"uidNext\"` | `\"uidnext\"` "
                + "| `$.mailboxes[0].folders[0].uidNext: missing required field`",
        "unknown action | `\"move to AutoReplies\"` | `\"shred\"` "
                + "| `$.mailboxes[0].folders[0].messages[0].actions[1]: unknown action \"shred\"`",
        "unknown command | `\"command\": \"move\"` | `\"command\": \"teleport\"` "
                + "| `$.mailboxes[0].folders[0].batches[1].command: unknown command \"teleport\"`",
        "edited batch | `\"target\": \"AutoReplies\"` | `\"target\": \"Archive\"` "
                + "| `$.mailboxes[0].folders[0].batches[1].id: \"b1-799f4cce\" does not match`",
        "move into itself | `\"move to AutoReplies\"` | `\"move to INBOX\"` "
                + "| `$.mailboxes[0].folders[0]: folder \"INBOX\": message 502 would be moved to the folder it is in`",
        "trailing comma | `\"uids\": \"502\"\n` | `\"uids\": \"502\",\n` "
                + "| `$.mailboxes[0].folders[0].batches[1].uids: malformed JSON:`",
    })
    void badPlansAreRefusedNamingThePath(String what, String find, String replaceWith, String expected) {
        String json = replaceLast(TINY_PLAN_JSON, find.replace("\\n", "\n"), replaceWith.replace("\\n", "\n"));
        JsonFormatException error = assertThrows(JsonFormatException.class, () -> PlanJson.read(json));
        assertTrue(error.getMessage().startsWith(expected), what + ": " + error.getMessage());
    }

    @Test
    void unknownFieldIsNamed() {
        String json = TINY_PLAN_JSON.replace("\"uidNext\": 503,", "\"uidNext\": 503, \"uidNxt\": 503,");
        JsonFormatException error = assertThrows(JsonFormatException.class, () -> PlanJson.read(json));
        assertEquals("$.mailboxes[0].folders[0].uidNxt", error.path());
        assertEquals("unknown field", error.problem());
    }

    @Test
    void duplicateFieldIsRefusedRatherThanOverwritten() {
        String json = TINY_PLAN_JSON.replace("\"uidNext\": 503,", "\"uidNext\": 503, \"uidNext\": 9999,");
        JsonFormatException error = assertThrows(JsonFormatException.class, () -> PlanJson.read(json));
        assertEquals("$.mailboxes[0].folders[0].uidNext: field \"uidNext\" appears twice", error.getMessage());
    }

    @Test
    void notJsonAtAllAndTrailingContentAreRefused() {
        assertTrue(assertThrows(JsonFormatException.class, () -> PlanJson.read("")).getMessage()
                .startsWith("$: malformed JSON"));
        assertTrue(assertThrows(JsonFormatException.class, () -> PlanJson.read("plan")).getMessage()
                .startsWith("$: malformed JSON"));
        assertEquals("$: expected an object, found an array",
                assertThrows(JsonFormatException.class, () -> PlanJson.read("[]")).getMessage());
        assertEquals("$: unexpected content after the JSON value",
                assertThrows(JsonFormatException.class, () -> PlanJson.read(TINY_PLAN_JSON + "{}")).getMessage());
    }

    private static String replaceLast(String text, String find, String replacement) {
        int at = text.lastIndexOf(find);
        assertTrue(at >= 0, "test data: \"" + find + "\" not in the golden plan");
        return text.substring(0, at) + replacement + text.substring(at + find.length());
    }
}
