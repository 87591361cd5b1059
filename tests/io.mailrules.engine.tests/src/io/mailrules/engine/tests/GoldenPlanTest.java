package io.mailrules.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mailrules.core.json.PlanJson;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.plan.SourceRef;
import io.mailrules.core.source.MailboxException;
import io.mailrules.engine.PlanCompiler;
import io.mailrules.engine.PlanRequest;

/**
 * Plans of the documented examples against the generated sales mailboxes, compared with the JSON kept in
 * {@code golden/}. After an intended change of the engine, regenerate them with
 * {@code ./mvnw -o verify -pl tests/io.mailrules.engine.tests -am -Dmailrules.golden.update=true} and review the diff.
 */
class GoldenPlanTest {

    private final RulesFiles files = new RulesFiles();

    private static FakeMailbox salesServer() {
        FakeMailbox server = new FakeMailbox(ZoneOffset.UTC);
        List<String> mailboxes = List.of("sdr-ana", "sdr-ben", "sdr-cho", "support");
        for (int i = 0; i < mailboxes.size(); i++) {
            SalesMailbox.fill(server, mailboxes.get(i), 17L * (i + 1), 60);
        }
        return server;
    }

    @Test
    void salesRouting() throws Exception {
        assertGolden("sales-routing");
    }

    @Test
    void salesRetention() throws Exception {
        assertGolden("sales-retention");
    }

    @Test
    void planIsTheSameOnEveryCompile() throws Exception {
        assertEquals(planJson("sales-routing"), planJson("sales-routing"));
    }

    private String planJson(String example) throws IOException, MailboxException {
        Path file = RulesFiles.examplesDir().resolve(example + ".mailrules");
        PlanCompiler compiler = new PlanCompiler(salesServer(), Clock.fixed(SalesMailbox.NOW, ZoneOffset.UTC));
        Plan plan = compiler.compile(PlanRequest.allJobs(files.load(file),
                SourceRef.of(file.getFileName().toString(), Files.readAllBytes(file)))
                .withId(new PlanId("golden-" + example))).plan();
        assertTrue(plan.messageCount() > 0, "the example plans nothing against the sales mailbox");
        return PlanJson.write(plan);
    }

    private void assertGolden(String example) throws IOException, MailboxException {
        String actual = planJson(example);
        Path golden = Path.of(System.getProperty("mailrules.golden.dir", "golden")).resolve(example + ".plan.json");
        if (Boolean.getBoolean("mailrules.golden.update")) {
            Files.writeString(golden, actual);
        }
        assertTrue(Files.exists(golden), "no golden plan " + golden.toAbsolutePath()
                + "; run with -Dmailrules.golden.update=true to create it");
        assertEquals(Files.readString(golden), actual, "plan of " + example + " differs from " + golden);
    }
}
