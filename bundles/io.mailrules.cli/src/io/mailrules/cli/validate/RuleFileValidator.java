package io.mailrules.cli.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LineAndColumn;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Provider;

import io.mailrules.cli.Console;
import io.mailrules.dsl.mailrules.Import;
import io.mailrules.dsl.mailrules.MailrulesPackage;
import io.mailrules.dsl.mailrules.Model;

/**
 * Validates rule files the way the editor does, outside any workspace: each named file and the files it imports
 * (transitively) are loaded into one resource set, linked and checked with every check the editor runs.
 */
public final class RuleFileValidator {

    private static final Map<String, Object> LOAD_OPTIONS = Map.of(XtextResource.OPTION_ENCODING, "UTF-8");

    @Inject
    private Provider<XtextResourceSet> resourceSets;

    @Inject
    private IResourceFactory resourceFactory;

    @Inject
    private IResourceValidator validator;

    /** A validator with the language set up for a plain JVM (no OSGi, no Eclipse registries). */
    public static RuleFileValidator create() {
        return LanguageSetup.createInjectorAndDoEMFRegistration().getInstance(RuleFileValidator.class);
    }

    /** Validates the files named on the command line; their paths are resolved against the console's directory. */
    public ValidationResult validate(List<String> typedPaths, Console console) {
        return check(typedPaths, console).result;
    }

    /**
     * Validates one rules file to plan or run it: the result, and the file's model when it has no errors (the
     * models of its imports stay reachable through the model's resource set).
     */
    public LoadedRules load(String typedPath, Console console) {
        Checked checked = check(List.of(typedPath), console);
        Optional<Model> model = Optional.empty();
        if (!checked.result.hasErrors()) {
            Resource resource = checked.run.resourceSet.getResource(URI.createFileURI(
                    console.resolve(typedPath).toString()), false);
            model = Optional.of((Model) resource.getContents().getFirst());
        }
        return new LoadedRules(typedPath, console.resolve(typedPath), checked.result, model, checked.run.contents);
    }

    private record Checked(Run run, ValidationResult result) {
    }

    private Checked check(List<String> typedPaths, Console console) {
        Run run = new Run(resourceSets.get());
        for (String typed : typedPaths) {
            run.loadNamedFile(typed, console.resolve(typed));
        }
        run.loadImports();
        EcoreUtil.resolveAll(run.resourceSet);
        List<Diagnostic> diagnostics = new ArrayList<>(run.importProblems);
        run.displayPaths.forEach((uri, path) -> {
            Resource resource = run.resourceSet.getResource(uri, false);
            for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
                if (issue.getSeverity() != Severity.IGNORE) {
                    diagnostics.add(new Diagnostic(path, orFirst(issue.getLineNumber()), orFirst(issue.getColumn()),
                            issue.getSeverity(), issue.getMessage()));
                }
            }
        });
        diagnostics.sort(Diagnostic.BY_LOCATION);
        return new Checked(run, new ValidationResult(List.copyOf(diagnostics), List.copyOf(run.unreadable)));
    }

    private static int orFirst(Integer position) {
        return position == null || position < 1 ? 1 : position;
    }

    /** The state of one validation: what was loaded, under which name the user knows it, what went wrong. */
    private final class Run {

        final XtextResourceSet resourceSet;
        /** Every loaded file, by URI, with the path to print for it. */
        final Map<URI, String> displayPaths = new LinkedHashMap<>();
        final List<String> unreadable = new ArrayList<>();
        final List<Diagnostic> importProblems = new ArrayList<>();
        final Map<URI, byte[]> contents = new LinkedHashMap<>();
        private final Deque<URI> importsToFollow = new ArrayDeque<>();

        Run(XtextResourceSet resourceSet) {
            this.resourceSet = resourceSet;
        }

        void loadNamedFile(String typed, Path file) {
            URI uri = URI.createFileURI(file.toString());
            if (displayPaths.containsKey(uri)) {
                return;
            }
            String problem = load(uri, file);
            if (problem != null) {
                unreadable.add("cannot read " + typed + ": " + problem);
                return;
            }
            displayPaths.put(uri, typed);
            importsToFollow.add(uri);
        }

        void loadImports() {
            while (!importsToFollow.isEmpty()) {
                URI importer = importsToFollow.poll();
                Resource resource = resourceSet.getResource(importer, false);
                if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
                    continue;
                }
                for (Import anImport : model.getImports()) {
                    follow(anImport, importer);
                }
            }
        }

        // Imports resolve against the importing file, as the editor's scoping does; the printed path is derived
        // from the importer's printed path so that a relative name on the command line gives relative names here.
        private void follow(Import anImport, URI importer) {
            String importUri = anImport.getImportURI();
            if (importUri == null || importUri.isBlank()) {
                return;
            }
            URI uri = URI.createURI(importUri).resolve(importer);
            if (displayPaths.containsKey(uri) || !uri.isFile()) {
                return;
            }
            Path file = Path.of(uri.toFileString());
            String path = Path.of(displayPaths.get(importer)).resolveSibling(importUri).normalize().toString();
            String problem = load(uri, file);
            if (problem != null) {
                importProblems.add(atImportUri(anImport, displayPaths.get(importer),
                        "cannot read imported file \"" + importUri + "\" (" + path + "): " + problem));
                return;
            }
            displayPaths.put(uri, path);
            importsToFollow.add(uri);
        }

        /** Loads the file into the resource set; returns why it could not be read, or null. */
        private String load(URI uri, Path file) {
            if (Files.isDirectory(file)) {
                return "is a directory";
            }
            try {
                // Read whole first: these bytes, and no later version of the file, are what was validated.
                byte[] content = Files.readAllBytes(file);
                Resource resource = resourceFactory.createResource(uri);
                // in the set before loading, so that linking can see the files it imports
                resourceSet.getResources().add(resource);
                contents.put(uri, content);
                resource.load(new ByteArrayInputStream(content), LOAD_OPTIONS);
            } catch (NoSuchFileException e) {
                return "no such file";
            } catch (AccessDeniedException e) {
                return "permission denied";
            } catch (IOException e) {
                return e.getMessage();
            }
            return null;
        }

        private Diagnostic atImportUri(Import anImport, String path, String message) {
            List<INode> nodes = NodeModelUtils.findNodesForFeature(anImport, MailrulesPackage.Literals.IMPORT__IMPORT_URI);
            INode node = nodes.isEmpty() ? NodeModelUtils.getNode(anImport) : nodes.get(0);
            if (node == null) {
                return new Diagnostic(path, 1, 1, Severity.ERROR, message);
            }
            LineAndColumn position = NodeModelUtils.getLineAndColumn(node, node.getOffset());
            return new Diagnostic(path, position.getLine(), position.getColumn(), Severity.ERROR, message);
        }
    }
}
