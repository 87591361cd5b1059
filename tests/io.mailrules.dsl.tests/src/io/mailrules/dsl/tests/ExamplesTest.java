package io.mailrules.dsl.tests;

import static io.mailrules.dsl.tests.MailrulesFixture.assertNoErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;

/**
 * The example files of docs/examples validate without errors, and their imports work as documented.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(MailrulesInjectorProvider.class)
class ExamplesTest {

    @Inject
    private MailrulesFixture fixture;

    static Path examplesDir() {
        String configured = System.getProperty("mailrules.examples.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../../docs/examples");
        assertTrue(Files.isDirectory(dir), "examples not found at " + dir.toAbsolutePath());
        return dir;
    }

    static List<Path> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(examplesDir())) {
            return files.filter(p -> p.toString().endsWith(".mailrules")).sorted().toList();
        }
    }

    @Test
    void allExamplesValidateWithoutErrors() throws IOException {
        List<Path> files = exampleFiles();
        assertTrue(files.size() >= 4, "expected the example set, found " + files);
        ResourceSet set = fixture.newResourceSet();
        for (Path file : files) {
            Resource resource = set.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
            List<Issue> issues = fixture.validate(resource);
            assertNoErrors(issues);
            assertEquals(List.of(), issues.stream().filter(i -> i.getSeverity() == Severity.WARNING).toList(),
                    file + " has warnings");
        }
    }

    @Test
    void sharedLayoutsFileIsImportedByBothRuleFiles() throws IOException {
        for (String name : List.of("sales-routing.mailrules", "sales-retention.mailrules")) {
            String text = Files.readString(examplesDir().resolve(name));
            assertTrue(text.contains("import \"layouts.mailrules\""), name + " does not import layouts.mailrules");
        }
    }

    @Test
    void declarationsOfFilesThatAreNotImportedAreInvisible(@TempDir Path dir) throws IOException {
        // Imports are resolved against files that exist, as in a workspace.
        Path layouts = Files.writeString(dir.resolve("layouts.mailrules"), "layout shared { folder \"A\" }\n");
        ResourceSet set = fixture.newResourceSet();
        set.getResource(URI.createFileURI(layouts.toString()), true);
        Resource importing = fixture.parse("""
                import "layouts.mailrules"
                rules r for m layout shared { rule x when always then move to "A" }
                mailbox m { host "h" password from secret "m" user "u" }
                """, set, URI.createFileURI(dir.resolve("a.mailrules").toString()).toString()).eResource();
        Resource notImporting = fixture.parse("""
                rules r for m layout shared { rule x when always then move to "A" }
                mailbox m { host "h" password from secret "m" user "u" }
                """, set, URI.createFileURI(dir.resolve("b.mailrules").toString()).toString()).eResource();
        assertNoErrors(fixture.validate(importing));
        List<Issue> issues = fixture.validate(notImporting);
        assertEquals(1, issues.size(), MailrulesFixture.describe(issues));
        assertTrue(issues.get(0).getMessage().contains("Unknown layout 'shared'"));
    }
}
