package io.mailrules.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.dsl.ide.server.MailrulesLanguageServer;

/**
 * The language server as an editor meets it: JSON-RPC over a byte stream (the same code path as stdio), with the
 * language registered without java.util.ServiceLoader, as it must be inside the product.
 */
class StdioLanguageServerTest {

    private static final String BAD = """
            mailbox sdr1 { user "u"
                host "imap.example.com" port 993 tls
                password "hunter2"
            }
            """;
    private static final String FIXED = BAD.replace("password \"hunter2\"", "password from secret \"sdr1\"");

    @Test
    void servesASingleFileWhenTheEditorOpensNoFolder(@TempDir Path folder) throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        Future<Void> serving = new MailrulesLanguageServer().start(serverIn, serverOut);
        DiagnosticsClient client = new DiagnosticsClient();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();

        // editors opening a lone file send neither a root URI nor workspace folders
        server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        String uri = folder.resolve("lone.mailrules").toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "mailrules", 1, BAD)));
        assertTrue(client.nextFor(uri).stream().anyMatch(d -> d.getMessage().getLeft().contains("password written")));

        server.shutdown().get(30, TimeUnit.SECONDS);
        clientOut.close();
        serving.get(30, TimeUnit.SECONDS);
    }

    @Test
    void diagnosesCompletesAndClearsOverTheWire(@TempDir Path workspace) throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        Future<Void> serving = new MailrulesLanguageServer().start(serverIn, serverOut);

        DiagnosticsClient client = new DiagnosticsClient();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();

        InitializeParams init = new InitializeParams();
        init.setRootUri(workspace.toUri().toString());
        assertTrue(server.initialize(init).get(30, TimeUnit.SECONDS).getCapabilities().getCompletionProvider() != null);
        server.initialized(new InitializedParams());

        String uri = workspace.resolve("sdr.mailrules").toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "mailrules", 1, BAD)));
        List<Diagnostic> diagnostics = client.nextFor(uri);
        Diagnostic inline = diagnostics.stream().filter(d -> d.getMessage().getLeft().contains("password written in the file"))
                .findFirst().orElseThrow(() -> new AssertionError("no inline-password error in " + diagnostics));
        assertEquals(new Position(2, 13), inline.getRange().getStart());

        CompletionParams completion = new CompletionParams(new TextDocumentIdentifier(uri), new Position(1, 40));
        List<CompletionItem> items = server.getTextDocumentService().completion(completion).get(30, TimeUnit.SECONDS)
                .map(list -> list, completionList -> completionList.getItems());
        assertFalse(items.isEmpty(), "no completion proposals inside a mailbox");

        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent(FIXED))));
        assertEquals(List.of(), client.nextFor(uri));

        server.shutdown().get(30, TimeUnit.SECONDS);
        // No "exit" notification: Xtext answers it with System.exit, which would end the test JVM. A client that
        // closes its end of the connection ends the server's listening just the same.
        clientOut.close();
        serving.get(30, TimeUnit.SECONDS);
    }

    /** Hands the test each diagnostics notification in the order the server published them. */
    private static final class DiagnosticsClient implements LanguageClient {
        private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

        List<Diagnostic> nextFor(String uri) throws InterruptedException {
            while (true) {
                PublishDiagnosticsParams params = published.poll(30, TimeUnit.SECONDS);
                if (params == null) {
                    throw new AssertionError("the server published no diagnostics for " + uri);
                }
                if (params.getUri().equals(uri)) {
                    return params.getDiagnostics();
                }
            }
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
