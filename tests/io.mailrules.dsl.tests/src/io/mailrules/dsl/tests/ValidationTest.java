package io.mailrules.dsl.tests;

import static io.mailrules.dsl.tests.MailrulesFixture.assertIssue;
import static io.mailrules.dsl.tests.MailrulesFixture.assertNoErrors;
import static io.mailrules.dsl.tests.MailrulesFixture.assertNoIssue;
import static io.mailrules.dsl.tests.MailrulesFixture.after;
import static io.mailrules.dsl.tests.MailrulesFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import io.mailrules.dsl.validation.MailrulesIssueCodes;

@ExtendWith(InjectionExtension.class)
@InjectWith(MailrulesInjectorProvider.class)
class ValidationTest {

    private static final String HEADER = """
            mailbox m { host "h" port 993 tls password from secret "m" user "u" }
            layout sales {
                folder "Replies" { folder "Positive" }
                folder "Bounces"
                folder "Archive" role archive
            }
            """;

    @Inject
    private MailrulesFixture fixture;

    private List<Issue> validate(String text) {
        return fixture.validate(text);
    }

    @Test
    void cleanFileHasNoIssues() {
        String text = HEADER + """
                rules routing for m layout sales {
                    rule bounces when from contains "mailer-daemon" then move to "Bounces"
                    rule replies when subject contains "re:" then move to "Replies/Positive"
                }
                """;
        List<Issue> issues = validate(text);
        assertEquals(List.of(), issues.stream().map(Issue::getMessage).toList());
    }

    @Test
    void aDeclarationWithoutItsNameGetsOnlyTheSyntaxError() {
        List<Issue> issues = validate("""
                mailbox {
                    host "imap.example.com"
                }
                """);
        assertEquals(List.of("no viable alternative at input '{'"), issues.stream().map(Issue::getMessage).toList());
    }

    @Test
    void unknownReferencesNameWhatIsMissing() {
        String text = """
                group g = nobody
                rules r for ghost layout nolayout { rule x when always then stop }
                schedule s every 5 minutes run nothing
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, Diagnostic.LINKING_DIAGNOSTIC, Severity.ERROR, 1, 11, "Unknown mailbox 'nobody' in group 'g'");
        assertIssue(issues, Diagnostic.LINKING_DIAGNOSTIC, Severity.ERROR, at(text, "ghost"),
                "Unknown mailbox or group 'ghost' in rules 'r'");
        assertIssue(issues, Diagnostic.LINKING_DIAGNOSTIC, Severity.ERROR, at(text, "nolayout"),
                "Unknown layout 'nolayout' in rules 'r'");
        assertIssue(issues, Diagnostic.LINKING_DIAGNOSTIC, Severity.ERROR, at(text, "nothing"),
                "Unknown rules block or retention policy 'nothing' in schedule 's'");
    }

    @Test
    void invalidRegexIsReportedOnTheLiteral() {
        String text = HEADER + """
                rules r for m {
                    rule broken when subject matches /(unclosed/ then stop
                    rule quoted when from matches "[a-" then stop
                }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.INVALID_REGEX, Severity.ERROR, 8, 38,
                "Invalid regular expression in rule 'broken' in rules 'r': Unclosed group");
        assertIssue(issues, MailrulesIssueCodes.INVALID_REGEX, Severity.ERROR, at(text, "\"[a-\""),
                "rule 'quoted'");
    }

    @Test
    void contradictoryAgesInAConjunction() {
        String text = HEADER + """
                rules r for m {
                    rule window when older than 30 days and newer than 60 days then stop
                    rule never when older than 60 days and newer than 30 days then stop
                    rule nested when all(is seen, any(newer than 1 months, from is "a")) and older than 2 months then stop
                }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.CONTRADICTION, Severity.ERROR, at(text, "newer than 30 days"),
                "The condition of rule 'never' in rules 'r' can never be true: 'newer than 30 days' contradicts 'older than 60 days'");
        assertIssue(issues, MailrulesIssueCodes.CONTRADICTION, Severity.ERROR, at(text, "older than 2 months"),
                "'older than 2 months' contradicts 'newer than 1 months'");
        // older than 30 and newer than 60 is a 30-day window, not a contradiction
        assertEquals(2, issues.stream().filter(i -> MailrulesIssueCodes.CONTRADICTION.equals(i.getCode())).count());
    }

    @Test
    void otherContradictions() {
        String text = HEADER + """
                rules r for m {
                    rule a when from is "x@a.com" and from is "y@a.com" then stop
                    rule b when is seen and not is seen then stop
                    rule c when size larger than 2 mb and size smaller than 1024 kb then stop
                    rule d when from is "ana@corp.com" and not from domain "corp.com" then stop
                }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.CONTRADICTION, Severity.ERROR, at(text, "from is \"y@a.com\""), "rule 'a'");
        assertIssue(issues, MailrulesIssueCodes.CONTRADICTION, Severity.ERROR, at(text, "not is seen"),
                "'not is seen' contradicts 'is seen'");
        assertIssue(issues, MailrulesIssueCodes.CONTRADICTION, Severity.ERROR, at(text, "size smaller"), "rule 'c'");
        assertIssue(issues, MailrulesIssueCodes.CONTRADICTION, Severity.ERROR, at(text, "not from domain"), "rule 'd'");
    }

    @Test
    void retentionCycle() {
        String text = HEADER + """
                retention a for m {
                    in "Bounces" keep 30 days then move to "Archive"
                }
                retention b for m {
                    in "Archive" keep 10 days then move to "Bounces"
                    in "Replies" keep 10 days then move to "Replies"
                }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.RETENTION_CYCLE, Severity.ERROR, after(text, "move to ", 1),
                "Retention cycle: retention 'a' moves \"Bounces\" to \"Archive\" and mail comes back (\"Bounces\" -> \"Archive\" -> \"Bounces\")");
        assertIssue(issues, MailrulesIssueCodes.RETENTION_CYCLE, Severity.ERROR, after(text, "move to ", 2),
                "retention 'b' moves \"Archive\" to \"Bounces\"");
        assertIssue(issues, MailrulesIssueCodes.MOVE_TO_SOURCE, Severity.ERROR, after(text, "move to ", 3),
                "Retention 'b' moves mail from \"Replies\" into the same folder");
    }

    @Test
    void retentionCycleThroughYearTemplate() {
        String text = HEADER + """
                retention a for m {
                    in "Bounces" keep 30 days then move to "Archive/{year}"
                    in "Archive/2024" keep 1 days then move to "Bounces"
                }
                """;
        assertIssue(validate(text), MailrulesIssueCodes.RETENTION_CYCLE, Severity.ERROR,
                after(text, "move to ", 1), "\"Bounces\" -> \"Archive/2024\" -> \"Bounces\"");
    }

    @Test
    void ruleMovingToItsOwnSourceFolder() {
        String text = HEADER + """
                rules r for m in "Bounces" {
                    rule loop when subject contains "x" then move to "Bounces"
                }
                rules s for m {
                    rule inbox when subject contains "x" then copy to "inbox"
                }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.MOVE_TO_SOURCE, Severity.ERROR, at(text, "\"Bounces\"", 3),
                "Rule 'loop' in rules 'r' moves messages to \"Bounces\", the folder it reads");
        assertIssue(issues, MailrulesIssueCodes.MOVE_TO_SOURCE, Severity.ERROR, at(text, "\"inbox\""),
                "copies messages to \"inbox\"");
    }

    @Test
    void targetFolderMissingFromLayout() {
        String text = HEADER + """
                rules r for m layout sales in "Inbox" {
                    rule a when subject contains "a" then move to "Replies/Negative"
                    rule b when subject contains "b" then move to "Newsletters"
                    rule c when subject contains "c" then move to "Archive/{year}/{month}"
                    rule d when subject contains "d" then move to "{archive}/{year}"
                    rule e when subject contains "e" then move to "Archive/{week}"
                    rule f when subject contains "f" then move to "{junk}"
                }
                retention k for m layout sales {
                    in "Old" keep 3 days then move to "Archive/{year}"
                }
                """;
        List<Issue> issues = validate(text);
        Issue a = assertIssue(issues, MailrulesIssueCodes.MISSING_FOLDER, Severity.ERROR, at(text, "\"Replies/Negative\""),
                "Folder \"Replies/Negative\" of rule 'a' in rules 'r' is not in layout 'sales' (\"Replies\" has no child \"Negative\")");
        assertEquals(List.of("sales", "Replies", "Negative"), List.of(a.getData()));
        assertIssue(issues, MailrulesIssueCodes.MISSING_FOLDER, Severity.ERROR, at(text, "\"Newsletters\""),
                "Folder \"Newsletters\" of rule 'b'");
        assertIssue(issues, MailrulesIssueCodes.INVALID_FOLDER_PATH, Severity.ERROR, at(text, "\"Archive/{week}\""),
                "unknown placeholder {week}");
        assertIssue(issues, MailrulesIssueCodes.INVALID_FOLDER_PATH, Severity.ERROR, at(text, "\"{junk}\""),
                "no folder with role junk");
        assertIssue(issues, MailrulesIssueCodes.MISSING_FOLDER, Severity.ERROR, at(text, "\"Old\""),
                "Folder \"Old\" of retention 'k' is not in layout 'sales'");
        assertEquals(5, issues.size(), MailrulesFixture.describe(issues));
    }

    @Test
    void shadowedRules() {
        String text = HEADER + """
                rules r for m {
                    rule news when from contains "news" then move to "Bounces"
                    rule letter when from contains "newsletter@shop.com" and is seen then flag
                    rule domain when from domain "example.com" then stop
                    rule sub when from is "ana@mail.example.com" then move to "Bounces"
                    rule old when older than 30 days then delete
                    rule older when older than 2 months and has keyword "x" then stop
                    rule header when header "X-Mailer" is "bulk" then move to "Bounces"
                    rule header2 when header "x-mailer" is "BULK" or (from contains "news" and is flagged) then stop
                    rule copied when subject contains "a" then copy to "Bounces"
                    rule notShadowed when subject contains "a" then stop
                    rule catchall when always then stop
                    rule last when to is "x" then flag
                }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.SHADOWED_RULE, Severity.WARNING, at(text, "letter"),
                "Rule 'letter' in rules 'r' can never fire: it is shadowed by rule 'news' on line 8");
        assertIssue(issues, MailrulesIssueCodes.SHADOWED_RULE, Severity.WARNING, at(text, "sub"), "shadowed by rule 'domain'");
        assertIssue(issues, MailrulesIssueCodes.SHADOWED_RULE, Severity.WARNING, at(text, "older when"), "shadowed by rule 'old'");
        assertIssue(issues, MailrulesIssueCodes.SHADOWED_RULE, Severity.WARNING, at(text, "header2"), "shadowed by rule 'header'");
        Issue last = assertIssue(issues, MailrulesIssueCodes.SHADOWED_RULE, Severity.WARNING, at(text, "last"),
                "shadowed by rule 'catchall' on line 18, which ends evaluation first (it catches every message)");
        assertEquals("10", last.getData()[0]);
        assertNoIssue(issues.stream().filter(i -> i.getLineNumber() == 17).toList(), MailrulesIssueCodes.SHADOWED_RULE);
        assertEquals(5, issues.stream().filter(i -> MailrulesIssueCodes.SHADOWED_RULE.equals(i.getCode())).count(),
                MailrulesFixture.describe(issues));
    }

    @Test
    void unnamedShadowedRuleIsReportedOnItsKeyword() {
        String text = HEADER + """
                rules r for m {
                    rule when subject contains "a" then stop
                    rule when subject contains "abc" then stop
                }
                """;
        assertIssue(validate(text), MailrulesIssueCodes.SHADOWED_RULE, Severity.WARNING, at(text, "rule", 3),
                "Rule #2 in rules 'r' can never fire: it is shadowed by rule #1 on line 8");
    }

    @Test
    void deleteOrExpungeWithoutCondition() {
        String text = HEADER + """
                rules r for m in "Bounces" {
                    rule purge when always then expunge
                }
                rules s for m {
                    rule wipe when always then flag, delete
                }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.UNCONDITIONAL_DELETE, Severity.WARNING, at(text, "expunge"),
                "Rule 'purge' in rules 'r' permanently removes every message in \"Bounces\": it has no condition."
                        + " A run refuses to remove more than 20% and 2000 of a folder's messages unless the block's"
                        + " limits allow it");
        assertIssue(issues, MailrulesIssueCodes.UNCONDITIONAL_DELETE, Severity.WARNING, at(text, "delete"),
                "Rule 'wipe' in rules 's' moves every message to Trash in \"INBOX\"");
    }

    @Test
    void changeLimitsAreSharesOfAtMostAllAndOneSettingPerKind() {
        String text = HEADER + """
                rules r for m {
                    limits {
                        remove at most 150%
                        move at most 20% and 30%
                        remove at most 10
                    }
                    rule a when from contains "x" then move to "Bounces"
                }
                retention k for m {
                    limits { remove at most 500 and 100 }
                    in "Bounces" keep 30 days then delete
                }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.INVALID_LIMIT, Severity.ERROR, at(text, "150"),
                "A limit of rules 'r' allows 150% of a folder; a share is 0% to 100%");
        assertIssue(issues, MailrulesIssueCodes.INVALID_LIMIT, Severity.ERROR, at(text, "30%"),
                "The move limit of rules 'r' joins two shares; join a share and a number, e.g. 'at most 20% and 2000'");
        assertIssue(issues, MailrulesIssueCodes.DUPLICATE_SETTING, Severity.ERROR, at(text, "remove at most 10\n"),
                "The remove limit of rules 'r' is set twice; keep one");
        assertIssue(issues, MailrulesIssueCodes.INVALID_LIMIT, Severity.ERROR, at(text, "100 }"),
                "The remove limit of retention 'k' joins two numbers of messages");
        assertNoErrors(validate(HEADER + """
                rules r for m {
                    limits {
                        remove at most 0% and 0
                        move at most 100% or 5000
                    }
                    rule a when from contains "x" then move to "Bounces"
                }
                """));
    }

    @Test
    void aRemovalOnAgeAloneIsWarnedAboutWithTheLimitThatWillStopIt() {
        String text = HEADER + """
                rules purge-old for m {
                    rule purge when older than 1 days then expunge
                    rule big when size larger than 5 mb or older than 3 months then flag, delete
                }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.BROAD_REMOVAL, Severity.WARNING, at(text, "expunge"),
                "Rule 'purge' in rules 'purge-old' permanently removes every message in \"INBOX\" that is older"
                        + " than 1 days: its condition tests only age or size, so a run may remove most of the folder."
                        + " A run refuses to remove more than 20% and 2000 of a folder's messages; if that much is"
                        + " meant, set 'limits { remove at most ... }' in rules 'purge-old'");
        assertIssue(issues, MailrulesIssueCodes.BROAD_REMOVAL, Severity.WARNING, at(text, "delete"),
                "Rule 'big' in rules 'purge-old' moves to Trash every message in \"INBOX\" that is size larger than"
                        + " 5 mb or older than 3 months");
        String considered = HEADER + """
                rules purge-old for m {
                    limits { remove at most 100% }
                    rule purge when older than 1 days then expunge
                }
                rules narrow for m {
                    rule old-news when older than 30 days and header "List-Id" exists then expunge
                    rule tag when older than 30 days then flag
                }
                retention cleanup for m {
                    in "Bounces" keep 1 days then expunge
                }
                """;
        assertNoIssue(validate(considered), MailrulesIssueCodes.BROAD_REMOVAL);
    }

    @Test
    void headerFetchIsExplained() {
        String text = HEADER + """
                rules r for m {
                    rule a when from matches /x/ then flag
                    rule b when header "Reply-To" domain "example.com" then flag
                    rule c when header "List-Id" matches "news" then flag
                    rule d when from domain "example.com" or header "List-Id" contains "x" then flag
                }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.HEADER_FETCH, Severity.INFO, at(text, "matches /x/"),
                "'from matches /x/' in rule 'a' in rules 'r' needs a header fetch: IMAP SEARCH cannot express regular"
                        + " expressions, so the From header of every candidate message in \"INBOX\" is fetched");
        assertIssue(issues, MailrulesIssueCodes.HEADER_FETCH, Severity.INFO, at(text, "domain \"example.com\""),
                "the Reply-To header");
        assertIssue(issues, MailrulesIssueCodes.HEADER_FETCH, Severity.INFO, at(text, "matches \"news\""),
                "the List-Id header");
        assertEquals(3, issues.size(), MailrulesFixture.describe(issues));
    }

    @Test
    void domainOnSubject() {
        String text = HEADER + "rules r for m { rule a when subject domain \"x.com\" then flag }\n";
        assertIssue(validate(text), MailrulesIssueCodes.DOMAIN_ON_SUBJECT, Severity.ERROR, at(text, "domain"),
                "'domain' tests an address");
    }

    @Test
    void duplicateNames() {
        String text = """
                mailbox a { host "h" password from secret "a" user "u" }
                group a = a
                layout l { folder "X" folder "X" { folder "Y" folder "Y" } }
                layout l { }
                rules r for a { rule x when always then flag rule x when always then flag }
                retention r for a { }
                schedule s every 1 hours run r
                schedule s every 2 hours run r
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.DUPLICATE_NAME, Severity.ERROR, 2, 7,
                "Duplicate name 'a': already used by mailbox 'a' on line 1");
        assertIssue(issues, MailrulesIssueCodes.DUPLICATE_NAME, Severity.ERROR, 4, 8, "already used by layout 'l' on line 3");
        assertIssue(issues, MailrulesIssueCodes.DUPLICATE_NAME, Severity.ERROR, at(text, "x when", 2),
                "Duplicate rule name 'x' in rules 'r'");
        assertIssue(issues, MailrulesIssueCodes.DUPLICATE_NAME, Severity.ERROR, 6, 11, "already used by rules 'r' on line 5");
        assertIssue(issues, MailrulesIssueCodes.DUPLICATE_NAME, Severity.ERROR, 8, 10, "already used by schedule 's' on line 7");
        assertIssue(issues, MailrulesIssueCodes.DUPLICATE_FOLDER, Severity.ERROR, at(text, "\"X\"", 2),
                "Folder \"X\" appears twice at this level of layout 'l'");
        assertIssue(issues, MailrulesIssueCodes.DUPLICATE_FOLDER, Severity.ERROR, at(text, "\"Y\"", 2), "Folder \"Y\"");
    }

    @Test
    void portsOutsideRange() {
        String text = """
                mailbox a { host "h" port 0 tls password from secret "a" user "u" }
                mailbox b { host "h" port 70000 tls password from secret "b" user "u" }
                mailbox c { host "h" port 65535 tls password from secret "c" user "u" }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.INVALID_PORT, Severity.ERROR, 1, 27, "Port 0 of mailbox 'a' is outside 1..65535");
        assertIssue(issues, MailrulesIssueCodes.INVALID_PORT, Severity.ERROR, 2, 27, "Port 70000 of mailbox 'b'");
        assertEquals(2, issues.size());
    }

    @Test
    void schedulesOutOfRange() {
        String text = """
                rules r for m { }
                schedule a every 0 minutes run r
                schedule b every 1441 minutes run r
                schedule c every 25 hours run r
                schedule d every 1440 minutes run r
                schedule e daily at 24:00 run r
                schedule f daily at "7:5" run r
                schedule g daily at "07:05" run r
                schedule h cron "* * * *" run r
                schedule i cron "0 2 * * 1-5" run r
                schedule j cron "0 25 * * *" run r
                schedule k cron "0 2 * FOO *" run r
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.INVALID_INTERVAL, Severity.ERROR, 2, 18,
                "Schedule 'a' runs every 0 minutes; use 1..1440 minutes");
        assertIssue(issues, MailrulesIssueCodes.INVALID_INTERVAL, Severity.ERROR, 3, 18, "every 1441 minutes");
        assertIssue(issues, MailrulesIssueCodes.INVALID_INTERVAL, Severity.ERROR, 4, 18, "use 1..24 hours");
        assertIssue(issues, MailrulesIssueCodes.INVALID_TIME, Severity.ERROR, 6, 21,
                "Schedule 'e' has an invalid time of day \"24:00\"");
        assertIssue(issues, MailrulesIssueCodes.INVALID_TIME, Severity.ERROR, 7, 21, "\"7:5\"");
        assertIssue(issues, MailrulesIssueCodes.INVALID_CRON, Severity.ERROR, 9, 17, "5 fields (minute hour day month weekday), found 4");
        assertIssue(issues, MailrulesIssueCodes.INVALID_CRON, Severity.ERROR, 11, 17,
                "Schedule 'j' has a cron expression cron cannot read: the hour field");
        assertIssue(issues, MailrulesIssueCodes.INVALID_CRON, Severity.ERROR, 12, 17,
                "Schedule 'k' has a cron expression cron cannot read: the month field");
        assertEquals(8, issues.stream().filter(i -> i.getCode().startsWith("io.mailrules")).count(),
                MailrulesFixture.describe(issues));
    }

    @Test
    void inlinePasswordIsAnError() {
        String text = "mailbox sdr1 { host \"h\" port 993 tls password \"hunter2\" user \"u\" }\n";
        Issue issue = assertIssue(validate(text), MailrulesIssueCodes.INLINE_PASSWORD, Severity.ERROR, 1, 47,
                "Mailbox 'sdr1' has its password written in the file: store it as a secret and use password from secret \"sdr1\"");
        assertEquals(9, issue.getLength());
    }

    @Test
    void mailboxWithoutCredentialsOrHost() {
        String text = """
                mailbox bare { host "h" user "u" }
                mailbox nohost { user "u" oauth2 token from secret "t" }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.MISSING_CREDENTIALS, Severity.WARNING, 1, 9,
                "Mailbox 'bare' has no credentials");
        assertIssue(issues, MailrulesIssueCodes.MISSING_HOST, Severity.ERROR, 2, 9, "Mailbox 'nohost' has no host");
    }

    @Test
    void connectionSecurityAndFingerprint() {
        String text = """
                mailbox a { host "h" port 143 plain password from secret "a" user "u" }
                mailbox b { host "h" port 143 plain insecure password from secret "b" user "u" }
                mailbox c { host "h" tls insecure password from secret "c" user "u" }
                mailbox d { host "h" host "i" password from secret "d" trust certificate "abc" user "u" }
                """;
        List<Issue> issues = validate(text);
        assertIssue(issues, MailrulesIssueCodes.PLAIN_NOT_CONFIRMED, Severity.ERROR, 1, 31, "write 'plain insecure'");
        assertIssue(issues, MailrulesIssueCodes.INSECURE_WITHOUT_PLAIN, Severity.ERROR, 3, 26, "does not use plain");
        assertIssue(issues, MailrulesIssueCodes.DUPLICATE_SETTING, Severity.ERROR, 4, 22, "Mailbox 'd' sets its host twice");
        assertIssue(issues, MailrulesIssueCodes.INVALID_FINGERPRINT, Severity.ERROR, at(text, "\"abc\""), "SHA-256 fingerprint");
        assertEquals(4, issues.size(), MailrulesFixture.describe(issues));
    }

    @Test
    void retentionMustKeepSomething() {
        String text = HEADER + "retention r for m { in \"Bounces\" keep 0 days then delete }\n";
        assertIssue(validate(text), MailrulesIssueCodes.INVALID_KEEP, Severity.ERROR, at(text, "0 days"),
                "Retention 'r' must keep mail for at least one day");
    }

    @Test
    void errorsStayAtZeroForCompleteExampleInOneFile() {
        String text = HEADER + """
                rules routing for m layout sales {
                    rule bounces when from matches /mailer-daemon|postmaster/ or header "Content-Type" contains "report"
                        then move to "Bounces"
                }
                retention cleanup for m layout sales { in "Bounces" keep 30 days then delete }
                schedule nightly daily at 02:00 run cleanup
                """;
        assertNoErrors(validate(text));
    }
}
