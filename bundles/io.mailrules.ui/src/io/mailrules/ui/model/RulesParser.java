package io.mailrules.ui.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Parses a rules file's text, as the editor holds it, into its own resource set. The file's imports load from
 * disk relative to the file's location, as the command line and the language server resolve them.
 */
public final class RulesParser {

    @Inject
    private Provider<XtextResourceSet> resourceSets;

    @Inject
    private IResourceFactory resourceFactory;

    @Inject
    private IResourceValidator validator;

    public ParsedRules parse(IFile file, String text) {
        return parse(uriOf(file), text);
    }

    public ParsedRules parse(URI uri, String text) {
        XtextResourceSet resourceSet = resourceSets.get();
        XtextResource resource = (XtextResource) resourceFactory.createResource(uri);
        // in the set before loading, so that linking finds the imported files through it
        resourceSet.getResources().add(resource);
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
        return new ParsedRules(resource, new Document(1, text));
    }

    /** Every problem the editor shows: syntax, linking and the language's checks. */
    public List<Issue> validate(ParsedRules parse, CancelIndicator cancel) {
        return validator.validate(parse.resource(), CheckMode.ALL, cancel).stream()
                .filter(issue -> issue.getSeverity() != Severity.IGNORE)
                .toList();
    }

    /** The file's location as an EMF URI, which relative imports resolve against. */
    public static URI uriOf(IFile file) {
        if (file == null) {
            return URI.createURI("memory:/untitled.mailrules");
        }
        if (file.getLocation() != null) {
            return URI.createFileURI(file.getLocation().toOSString());
        }
        return URI.createPlatformResourceURI(file.getFullPath().toString(), true);
    }
}
