package io.mailrules.logins.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;

import com.google.inject.Injector;

import io.mailrules.dsl.MailrulesStandaloneSetup;
import io.mailrules.dsl.mailrules.Model;

/** Parses rules text with the standalone language setup, as the command line does. */
final class RulesText {

    private static final Injector INJECTOR = new MailrulesStandaloneSetup().createInjectorAndDoEMFRegistration();

    private RulesText() {
    }

    static Model parse(String text) {
        XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
        Resource resource = set.createResource(URI.createURI("memory:/test.mailrules"));
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!resource.getErrors().isEmpty()) {
            throw new IllegalArgumentException("syntax errors: " + resource.getErrors());
        }
        return (Model) resource.getContents().getFirst();
    }

    /** The validator's errors on a parsed file, as their messages. */
    static List<String> errors(Model model) {
        return INJECTOR.getInstance(IResourceValidator.class)
                .validate(model.eResource(), CheckMode.ALL, CancelIndicator.NullImpl).stream()
                .filter(issue -> issue.getSeverity() == Severity.ERROR).map(issue -> issue.getMessage()).toList();
    }
}
