package io.mailrules.dsl.tests;

import static io.mailrules.dsl.tests.LspSession.get;
import static io.mailrules.dsl.tests.LspSession.position;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server as an editor client sees it: initialize, diagnostics on open, completion, a fix by editing,
 * formatting.
 */
class LanguageServerTest {

    static final String LAYOUTS = """
            layout sales {
                folder "Replies" {
                    folder "Positive"
                }
                folder "Bounces"
            }
            """;

    static final String BAD = """
            import "layouts.mailrules"
            mailbox sdr1 { host "imap.example.com" port 993 tls password from secret "sdr1" user "u" }
            rules routing for sdr1 layout salse {
                rule bounces when from matches /mailer-(daemon/ then move to "Bounces"
            }
            """;

    @Test
    void diagnosticsCompletionAndFix(@TempDir Path root) throws Exception {
        LspSession.write(root, "layouts.mailrules", LAYOUTS);
        try (LspSession session = new LspSession(root)) {
            ServerCapabilities capabilities = session.initializeResult.getCapabilities();
            assertNotNull(capabilities.getCompletionProvider());
            assertTrue(capabilities.getHoverProvider().getLeft());
            assertTrue(capabilities.getDocumentFormattingProvider().getLeft());
            assertNotNull(capabilities.getCodeActionProvider());

            String uri = session.open("routing.mailrules", BAD);
            List<Diagnostic> diagnostics = session.awaitDiagnostics(uri, d -> d.size() == 2);
            Diagnostic layout = find(diagnostics, "Unknown layout 'salse' in rules 'routing'");
            assertEquals(DiagnosticSeverity.Error, layout.getSeverity());
            assertEquals(new Range(new Position(2, 30), new Position(2, 35)), layout.getRange());
            Diagnostic regex = find(diagnostics, "Invalid regular expression in rule 'bounces'");
            assertEquals(new Range(new Position(3, 35), new Position(3, 51)), regex.getRange());

            // completion after "layout " offers the layout of the imported file
            Position afterLayout = position(BAD, "salse");
            List<String> labels = complete(session, uri, afterLayout);
            assertTrue(labels.contains("sales"), labels::toString);

            String fixed = BAD.replace("salse", "sales").replace("mailer-(daemon", "mailer-daemon");
            session.change(uri, fixed);
            List<Diagnostic> after = session.awaitDiagnostics(uri,
                    d -> d.stream().noneMatch(x -> x.getSeverity() == DiagnosticSeverity.Error));
            // only the information that the regex costs a header fetch remains
            assertEquals(1, after.size(), after::toString);
            assertEquals(DiagnosticSeverity.Information, after.get(0).getSeverity());
            assertTrue(after.get(0).getMessage().getLeft().contains("needs a header fetch"));
        }
    }

    @Test
    void formattingReturnsTheCanonicalText(@TempDir Path root) throws Exception {
        try (LspSession session = new LspSession(root)) {
            String text = "group  g=a ,b\ngroup h = c\n";
            String uri = session.open("f.mailrules", text);
            DocumentFormattingParams params = new DocumentFormattingParams(session.id(uri), new FormattingOptions(2, false));
            List<? extends TextEdit> edits = get(session.server.getTextDocumentService().formatting(params));
            assertEquals("group g = a, b\ngroup h = c\n", LspSession.apply(text, List.copyOf(edits)));
        }
    }

    static Diagnostic find(List<Diagnostic> diagnostics, String fragment) {
        return diagnostics.stream().filter(d -> d.getMessage().getLeft().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no diagnostic '" + fragment + "' in " + diagnostics));
    }

    static List<String> complete(LspSession session, String uri, Position position) throws Exception {
        CompletionParams params = new CompletionParams(session.id(uri), position);
        var result = get(session.server.getTextDocumentService().completion(params));
        List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
        return items.stream().map(CompletionItem::getLabel).toList();
    }
}
