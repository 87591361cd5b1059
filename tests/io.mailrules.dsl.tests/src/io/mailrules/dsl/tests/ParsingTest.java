package io.mailrules.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import io.mailrules.dsl.mailrules.And;
import io.mailrules.dsl.mailrules.Daily;
import io.mailrules.dsl.mailrules.FieldCondition;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.LimitJoin;
import io.mailrules.dsl.mailrules.LimitSetting;
import io.mailrules.dsl.mailrules.LimitedChange;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.MatchesMatcher;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.Not;
import io.mailrules.dsl.mailrules.Or;
import io.mailrules.dsl.mailrules.PasswordCredential;
import io.mailrules.dsl.mailrules.Retention;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.Schedule;
import io.mailrules.dsl.mailrules.Server;

@ExtendWith(InjectionExtension.class)
@InjectWith(MailrulesInjectorProvider.class)
class ParsingTest {

    @Inject
    private MailrulesFixture fixture;

    @Test
    void parsesChangeLimitsOfRulesBlocksAndRetentionPolicies() {
        Model model = fixture.parseClean("""
                mailbox m { host "h" password from secret "m" user "u" }
                rules purge for m {
                    limits {
                        remove at most 10% and 500
                        move at most 5000 or 50%
                    }
                    rule most when older than 30 days then expunge
                }
                retention limits for m {
                    limits { remove at most 100% }
                    in "Bounces" keep 30 days then delete
                }
                """);
        RuleBlock block = (RuleBlock) model.getElements().get(1);
        LimitSetting remove = block.getLimits().getSettings().get(0);
        assertEquals(LimitedChange.REMOVE, remove.getChange());
        assertEquals(10, remove.getFirst().getValue());
        assertTrue(remove.getFirst().isPercent());
        assertEquals(LimitJoin.AND, remove.getJoin());
        assertEquals(500, remove.getSecond().getValue());
        assertFalse(remove.getSecond().isPercent());
        LimitSetting move = block.getLimits().getSettings().get(1);
        assertEquals(LimitedChange.MOVE, move.getChange());
        assertEquals(LimitJoin.OR, move.getJoin());
        assertTrue(move.getSecond().isPercent());
        assertEquals("most", block.getRules().get(0).getName(), "the new words stay usable as names");
        Retention retention = (Retention) model.getElements().get(2);
        assertEquals("limits", retention.getName());
        assertEquals(1, retention.getLimits().getSettings().size());
        assertEquals(null, ((RuleBlock) fixture.parseClean("rules r for m { rule a when always then stop }")
                .getElements().get(0)).getLimits(), "a block without limits runs under the defaults");
    }

    @Test
    void parsesMailboxWithAllSettings() {
        Model model = fixture.parseClean("""
                mailbox sdr-1 {
                    host "imap.example.com" port 993 tls
                    user "ana@example.com"
                    oauth2 token from env "SDR1_TOKEN"
                    trust certificate "ab:cd"
                    trash "Deleted Items"
                }
                """);
        Mailbox mailbox = (Mailbox) model.getElements().get(0);
        assertEquals("sdr-1", mailbox.getName());
        Server server = (Server) mailbox.getSettings().get(0);
        assertEquals(993, server.getPort());
        assertEquals(5, mailbox.getSettings().size());
    }

    @Test
    void inlinePasswordParses() {
        Model model = fixture.parseClean("mailbox m { host \"h\" password \"hunter2\" user \"u\" }");
        PasswordCredential credential = (PasswordCredential) ((Mailbox) model.getElements().get(0)).getSettings().get(1);
        assertEquals("hunter2", credential.getLiteral());
    }

    @Test
    void keywordsStayUsableAsNames() {
        Model model = fixture.parseClean("""
                layout archive { folder "Archive" role archive }
                retention daily for m layout archive { in "INBOX" keep 1 days then delete }
                schedule cron cron "0 1 * * *" run daily
                """);
        assertEquals("archive", ((Layout) model.getElements().get(0)).getName());
        assertEquals("daily", ((Retention) model.getElements().get(1)).getName());
        assertEquals("cron", ((Schedule) model.getElements().get(2)).getName());
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Model model = fixture.parseClean("""
                rules r for m {
                    rule x when from is "a" or not subject contains "b" and is seen then stop
                }
                """);
        Rule rule = ((RuleBlock) model.getElements().get(0)).getRules().get(0);
        Or or = assertInstanceOf(Or.class, rule.getCondition());
        assertFalse(or.isPrefix());
        And and = assertInstanceOf(And.class, or.getOperands().get(1));
        assertInstanceOf(Not.class, and.getOperands().get(0));
    }

    @Test
    void regexLiteralKeepsEscapedSlash() {
        Model model = fixture.parseClean("""
                rules r for m { rule x when subject matches /a\\/b|c/ then stop }
                """);
        Rule rule = ((RuleBlock) model.getElements().get(0)).getRules().get(0);
        MatchesMatcher matcher = (MatchesMatcher) ((FieldCondition) rule.getCondition()).getMatcher();
        assertEquals("a/b|c", matcher.getRegex());
    }

    @Test
    void parsesAllConditionsAndActions() {
        fixture.parseClean("""
                rules r for m layout l in "INBOX" {
                    rule a when all(from is "x", to contains "y", cc exists, header "X-A" matches "z") then move to "A"
                    rule b when any(from domain "d.com", older than 3 days, newer than 2 months) then copy to "B"
                    rule c when size larger than 10 mb and size smaller than 20 kb then delete
                    rule d when is flagged or is seen or is answered or has keyword "k" then expunge
                    rule when always then flag, unflag, mark seen, mark unseen, add keyword "a", remove keyword "b", stop
                }
                """);
    }

    @Test
    void parsesSchedulesAndImports() {
        Model model = fixture.parseClean("""
                import "layouts.mailrules"
                schedule a every 15 minutes run r
                schedule b daily at 02:30 run r, s
                schedule c daily at "23:59" run r
                schedule d cron "*/5 * * * *" run r
                """);
        assertEquals("layouts.mailrules", model.getImports().get(0).getImportURI());
        assertEquals("02:30", ((Daily) ((Schedule) model.getElements().get(1)).getTiming()).getTime());
    }

    @Test
    void commentsAreIgnored() {
        Model model = fixture.parseClean("""
                // line comment
                /* block
                   comment */ group g = a, b // trailing
                """);
        assertEquals(1, model.getElements().size());
    }

    @Test
    void syntaxErrorIsReported() {
        Model model = fixture.parse("rules r for m { rule x when then stop }");
        assertTrue(!model.eResource().getErrors().isEmpty());
    }
}
