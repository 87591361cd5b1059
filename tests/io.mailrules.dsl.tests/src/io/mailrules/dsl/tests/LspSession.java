package io.mailrules.dsl.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;

import com.google.inject.Guice;

/**
 * An in-process language server, set up the way {@code org.eclipse.xtext.ide.server.ServerLauncher} sets it up
 * (ServerModule, languages found through META-INF/services/org.eclipse.xtext.ISetup), with a client that records
 * what the server publishes.
 */
final class LspSession implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    final LanguageServerImpl server;
    final Path root;
    final InitializeResult initializeResult;
    private final RecordingClient client = new RecordingClient();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();

    LspSession(Path root) throws Exception {
        this.root = root;
        server = Guice.createInjector(new ServerModule()).getInstance(LanguageServerImpl.class);
        server.connect(client);
        InitializeParams params = new InitializeParams();
        // Xtext's default (single-root) workspace manager reads the root URI, not workspace folders.
        params.setRootUri(root.toUri().toString());
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(true);
        text.setDocumentSymbol(symbols);
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setTextDocument(text);
        params.setCapabilities(capabilities);
        initializeResult = get(server.initialize(params));
        server.initialized(new InitializedParams());
    }

    static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    String uri(String fileName) {
        return root.resolve(fileName).toUri().toString();
    }

    /** Writes a file to the workspace before the server starts indexing it (imports need files on disk). */
    static void write(Path root, String fileName, String text) throws IOException {
        Files.writeString(root.resolve(fileName), text);
    }

    String open(String fileName, String text) {
        String uri = uri(fileName);
        versions.put(uri, 1);
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "mailrules", 1, text)));
        return uri;
    }

    void change(String uri, String newText) {
        int version = versions.merge(uri, 1, Integer::sum);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(newText))));
    }

    TextDocumentIdentifier id(String uri) {
        return new TextDocumentIdentifier(uri);
    }

    /** Waits until the diagnostics most recently published for {@code uri} satisfy {@code condition}. */
    List<Diagnostic> awaitDiagnostics(String uri, Predicate<List<Diagnostic>> condition) throws InterruptedException {
        return client.await(uri, condition);
    }

    @Override
    public void close() throws Exception {
        get(server.shutdown());
    }

    /** Position (0-based line and character) of the {@code occurrence}-th {@code needle} in {@code text}. */
    static Position position(String text, String needle, int occurrence) {
        int[] at = MailrulesFixture.at(text, needle, occurrence);
        return new Position(at[0] - 1, at[1] - 1);
    }

    static Position position(String text, String needle) {
        return position(text, needle, 1);
    }

    /** Applies LSP text edits the way a client does: all against the original text. */
    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> offset(text, e.getRange().getStart())).reversed());
        StringBuilder result = new StringBuilder(text);
        for (TextEdit edit : sorted) {
            result.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()),
                    edit.getNewText());
        }
        return result.toString();
    }

    static int offset(String text, Position position) {
        int offset = 0;
        for (int line = 0; line < position.getLine(); line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + position.getCharacter();
    }

    private static final class RecordingClient implements LanguageClient {

        private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();

        synchronized List<Diagnostic> await(String uri, Predicate<List<Diagnostic>> condition)
                throws InterruptedException {
            long deadline = System.currentTimeMillis() + TIMEOUT_SECONDS * 1000;
            while (true) {
                List<Diagnostic> current = diagnostics.get(uri);
                if (current != null && condition.test(current)) {
                    return current;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no matching diagnostics for " + uri + ", last: " + current);
                }
                wait(left);
            }
        }

        @Override
        public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.put(params.getUri(), params.getDiagnostics());
            notifyAll();
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }
}
