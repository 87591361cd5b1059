package io.mailrules.engine.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import io.mailrules.dsl.MailrulesStandaloneSetup;
import io.mailrules.dsl.mailrules.Model;

/** Loads rules files the way the headless runner does: the standalone language setup and an Xtext resource set. */
final class RulesFiles {

    private final Injector injector = new MailrulesStandaloneSetup().createInjectorAndDoEMFRegistration();

    Model parse(String text) {
        XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
        Resource resource = set.createResource(URI.createURI("memory:/test.mailrules"));
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checked(resource);
    }

    Model load(Path file) {
        XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
        Resource resource = set.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
        return checked(resource);
    }

    static Path examplesDir() {
        String configured = System.getProperty("mailrules.examples.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../../docs/examples");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("examples not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    private static Model checked(Resource resource) {
        EcoreUtil.resolveAll(resource.getResourceSet());
        if (!resource.getErrors().isEmpty()) {
            throw new IllegalArgumentException("syntax errors: " + resource.getErrors());
        }
        return (Model) resource.getContents().getFirst();
    }
}
