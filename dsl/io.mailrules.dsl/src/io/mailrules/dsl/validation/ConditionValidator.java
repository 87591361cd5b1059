package io.mailrules.dsl.validation;

import static io.mailrules.dsl.mailrules.MailrulesPackage.Literals.*;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

import io.mailrules.dsl.analysis.Describe;
import io.mailrules.dsl.analysis.Rules;
import io.mailrules.dsl.mailrules.DomainMatcher;
import io.mailrules.dsl.mailrules.FieldCondition;
import io.mailrules.dsl.mailrules.FieldKind;
import io.mailrules.dsl.mailrules.HeaderField;
import io.mailrules.dsl.mailrules.MatchesMatcher;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.StandardField;

/**
 * Checks of single field tests: regex syntax, where 'domain' makes sense, and which tests cost a header fetch
 * because IMAP SEARCH cannot express them (see "Server-side first" in docs/semantics.md).
 */
public class ConditionValidator extends MailrulesCheckBase {

    @Check
    public void checkRegex(MatchesMatcher matcher) {
        String pattern = matcher.getRegex() != null ? matcher.getRegex() : matcher.getPattern();
        if (pattern == null) {
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            error("Invalid regular expression in " + Describe.element(matcher) + ": " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""), matcher,
                    matcher.getRegex() != null ? MATCHES_MATCHER__REGEX : MATCHES_MATCHER__PATTERN,
                    MailrulesIssueCodes.INVALID_REGEX);
        }
    }

    @Check
    public void checkDomainField(FieldCondition condition) {
        if (condition.getMatcher() instanceof DomainMatcher && condition.getField() instanceof StandardField f
                && f.getKind() == FieldKind.SUBJECT) {
            error("'domain' tests an address; the subject of " + Describe.element(condition) + " has none",
                    condition.getMatcher(), null, MailrulesIssueCodes.DOMAIN_ON_SUBJECT);
        }
    }

    @Check
    public void checkHeaderFetch(FieldCondition condition) {
        String reason = fetchReason(condition);
        if (reason == null) {
            return;
        }
        RuleBlock block = EcoreUtil2.getContainerOfType(condition, RuleBlock.class);
        String folder = block == null ? "the folder" : "\"" + Rules.sourceFolder(block) + "\"";
        info("'" + Describe.text(condition) + "' in " + Describe.element(condition) + " needs a header fetch: "
                + reason + ", so the " + fieldLabel(condition) + " of every candidate message in " + folder
                + " is fetched and tested locally", condition.getMatcher(), null, MailrulesIssueCodes.HEADER_FETCH);
    }

    private static String fetchReason(FieldCondition condition) {
        if (condition.getMatcher() instanceof MatchesMatcher matches) {
            // an invalid regex is reported as an error already; its cost is beside the point
            return compiles(matches) ? "IMAP SEARCH cannot express regular expressions" : null;
        }
        if (condition.getMatcher() instanceof DomainMatcher && condition.getField() instanceof HeaderField) {
            return "IMAP SEARCH only matches substrings of this header, not the domain of its address";
        }
        return null;
    }

    private static boolean compiles(MatchesMatcher matcher) {
        String pattern = matcher.getRegex() != null ? matcher.getRegex() : matcher.getPattern();
        try {
            Pattern.compile(pattern == null ? "" : pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String fieldLabel(FieldCondition condition) {
        if (condition.getField() instanceof HeaderField header) {
            return header.getName() + " header";
        }
        String literal = ((StandardField) condition.getField()).getKind().getLiteral();
        return Character.toUpperCase(literal.charAt(0)) + literal.substring(1) + " header";
    }
}
