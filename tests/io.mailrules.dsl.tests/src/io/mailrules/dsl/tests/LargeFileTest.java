package io.mailrules.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import io.mailrules.dsl.validation.MailrulesIssueCodes;

/**
 * A 5,000-rule file validates completely and finds the one rule that can never fire. How fast it does so is measured
 * by the validation benchmark, not here: a timed assertion would fail on a busy machine rather than on slow code.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(MailrulesInjectorProvider.class)
class LargeFileTest {

    @Inject
    private MailrulesFixture fixture;

    static String rules(int count) {
        StringBuilder text = new StringBuilder("""
                mailbox m { host "h" password from secret "m" user "u" }
                layout l { folder "Done" { folder "A" } folder "Archive" role archive }
                rules big for m layout l {
                """);
        for (int i = 0; i < count; i++) {
            text.append("    rule r").append(i).append(" when from contains \"sender").append(i)
                    .append("@example.com\" and subject contains \"order ").append(i)
                    .append("\" and older than ").append(1 + i % 90).append(" days\n        then add keyword \"k")
                    .append(i).append("\", move to \"Done/A\"\n");
        }
        // the last rule is shadowed by rule r0 (same sender, a longer subject, an older age)
        text.append("    rule last when from contains \"sender0@example.com\" and subject contains \"order 0 x\"")
                .append(" and older than 5 days then stop\n}\n");
        return text.toString();
    }

    @Test
    void fiveThousandRulesValidateAndTheShadowedOneIsFound() {
        List<Issue> issues = fixture.validate(rules(5000));
        assertEquals(1, issues.size(), MailrulesFixture.describe(issues));
        assertEquals(MailrulesIssueCodes.SHADOWED_RULE, issues.get(0).getCode());
        assertTrue(issues.get(0).getMessage().contains("Rule 'last'"), issues.get(0).getMessage());
    }
}
