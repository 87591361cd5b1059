package io.mailrules.bench;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;

import com.google.inject.Injector;

import io.mailrules.dsl.MailrulesStandaloneSetup;
import io.mailrules.dsl.ide.server.MailrulesLanguageServer;

/**
 * The language's speed targets: a 5,000-rule file validates in a warm JVM within 1 s, and the language server answers
 * an edit of it with diagnostics within 1 s.
 */
public final class LanguageBench {

    private static final int RULES = 5_000;
    private static final double TARGET_MILLIS = 1_000;

    public static void main(String[] args) throws Exception {
        String text = GeneratedRules.withRules(RULES);
        System.out.printf("language benchmark: %,d rules, %,d lines, %,d bytes; Java %s, %d cores%n", RULES,
                text.lines().count(), text.length(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println(validation(text).report(TARGET_MILLIS));
        System.out.println(languageServerEdit(text).report(TARGET_MILLIS));
        // The server's reader threads would report the closed connection as an error on their way out.
        System.exit(0);
    }

    private static Measurement validation(String text) throws Exception {
        Injector injector = new MailrulesStandaloneSetup().createInjectorAndDoEMFRegistration();
        IResourceValidator validator = injector.getInstance(IResourceValidator.class);
        return Measurement.of("parse + validate 5,000 rules (warm JVM)", 5, 9, () -> {
            XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
            XtextResource resource = (XtextResource) set.createResource(URI.createURI("bench.mailrules"));
            resource.load(new StringInputStream(text), null);
            int issues = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).size();
            if (issues != 0) {
                throw new IllegalStateException("the generated file should be clean, got " + issues + " issues");
            }
            return issues;
        });
    }

    private static Measurement languageServerEdit(String text) throws Exception {
        Path workspace = Files.createTempDirectory("mailrules-bench");
        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        new MailrulesLanguageServer().start(serverIn, serverOut);
        DiagnosticsQueue diagnostics = new DiagnosticsQueue();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(diagnostics, clientIn, clientOut);
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setRootUri(workspace.toUri().toString());
        server.initialize(init).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        String uri = workspace.resolve("bench.mailrules").toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "mailrules", 1, text)));
        diagnostics.next();
        int[] version = { 1 };
        Measurement result = Measurement.of("language server: edit -> diagnostics, 5,000 rules", 5, 9, () -> {
            // alternate between a file with one unknown folder and the clean file, so every edit changes the result
            String edited = version[0] % 2 == 1 ? text.replace("move to \"Customers\"\n}", "move to \"Nowhere\"\n}")
                    .replaceFirst("move to \"Customers\"", "move to \"Nowhere\"") : text;
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, ++version[0]), List.of(new TextDocumentContentChangeEvent(edited))));
            return diagnostics.next();
        });
        server.shutdown().get(60, TimeUnit.SECONDS);
        clientOut.close();
        return result;
    }

    private static final class DiagnosticsQueue implements LanguageClient {
        private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

        PublishDiagnosticsParams next() throws InterruptedException {
            PublishDiagnosticsParams params = published.poll(60, TimeUnit.SECONDS);
            if (params == null) {
                throw new IllegalStateException("no diagnostics within 60 s");
            }
            return params;
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
