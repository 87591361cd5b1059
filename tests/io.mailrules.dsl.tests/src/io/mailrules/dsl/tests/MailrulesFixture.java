package io.mailrules.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Provider;

import io.mailrules.dsl.mailrules.Model;

/**
 * Parses and validates rule texts the way the editor does, and asserts on what the user sees: severity, line,
 * column and message text.
 */
public class MailrulesFixture {

    @Inject
    private ParseHelper<Model> parseHelper;

    @Inject
    private IResourceValidator validator;

    @Inject
    private Provider<XtextResourceSet> resourceSets;

    public Model parse(String text) {
        return parse(text, newResourceSet(), "memory:/test.mailrules");
    }

    public ResourceSet newResourceSet() {
        return resourceSets.get();
    }

    public Model parse(String text, ResourceSet set, String uri) {
        try {
            Model model = parseHelper.parse(text, URI.createURI(uri), set);
            assertNotNull(model, "no model parsed");
            return model;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public List<Issue> validate(String text) {
        return validate(parse(text).eResource());
    }

    public List<Issue> validate(Resource resource) {
        return validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    }

    /** Asserts the text parses without syntax errors and returns it. */
    public Model parseClean(String text) {
        Model model = parse(text);
        assertTrue(model.eResource().getErrors().isEmpty(), () -> "syntax errors: " + model.eResource().getErrors());
        return model;
    }

    public static Issue assertIssue(List<Issue> issues, String code, Severity severity, int line, int column,
            String messageFragment) {
        List<Issue> candidates = issues.stream().filter(i -> code.equals(i.getCode())).toList();
        if (candidates.isEmpty()) {
            fail("no issue " + code + " among:\n" + describe(issues));
        }
        for (Issue issue : candidates) {
            if (issue.getLineNumber() == line && issue.getColumn() == column) {
                assertEquals(severity, issue.getSeverity(), () -> "severity of " + describe(List.of(issue)));
                assertTrue(issue.getMessage().contains(messageFragment),
                        () -> "message '" + issue.getMessage() + "' lacks '" + messageFragment + "'");
                return issue;
            }
        }
        return fail("no issue " + code + " at " + line + ":" + column + " among:\n" + describe(candidates));
    }

    /** Line and 1-based column where {@code needle} starts in {@code text} ({@code occurrence} counts from 1). */
    public static int[] at(String text, String needle, int occurrence) {
        int offset = -1;
        for (int i = 0; i < occurrence; i++) {
            offset = text.indexOf(needle, offset + 1);
            if (offset < 0) {
                throw new IllegalArgumentException(needle + " not found " + occurrence + " times");
            }
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] { line, offset - lineStart + 1 };
    }

    /** Position just after the {@code occurrence}-th {@code prefix}: where the token following it starts. */
    public static int[] after(String text, String prefix, int occurrence) {
        int[] start = at(text, prefix, occurrence);
        return new int[] { start[0], start[1] + prefix.length() };
    }

    public static int[] at(String text, String needle) {
        return at(text, needle, 1);
    }

    public static Issue assertIssue(List<Issue> issues, String code, Severity severity, int[] position,
            String messageFragment) {
        return assertIssue(issues, code, severity, position[0], position[1], messageFragment);
    }

    public static void assertNoIssue(List<Issue> issues, String code) {
        List<Issue> found = issues.stream().filter(i -> code.equals(i.getCode())).toList();
        assertTrue(found.isEmpty(), () -> "unexpected:\n" + describe(found));
    }

    public static void assertNoErrors(List<Issue> issues) {
        List<Issue> errors = issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
        assertTrue(errors.isEmpty(), () -> "unexpected errors:\n" + describe(errors));
    }

    public static String describe(List<Issue> issues) {
        return issues.stream()
                .map(i -> i.getSeverity() + " " + i.getLineNumber() + ":" + i.getColumn() + " [" + i.getCode() + "] "
                        + i.getMessage())
                .collect(Collectors.joining("\n"));
    }
}
