package io.mailrules.dsl.tests;

import static io.mailrules.dsl.tests.LanguageServerTest.complete;
import static io.mailrules.dsl.tests.LspSession.get;
import static io.mailrules.dsl.tests.LspSession.position;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content assist, hover and document symbols, asked for through the language server like an editor does.
 */
class EditorServicesTest {

    static final String TEXT = """
            mailbox sdr1 { host "imap.example.com" port 993 tls password from secret "sdr1" user "u" }
            mailbox sdr2 { host "imap.example.com" password from secret "sdr2" user "u" }
            group sdrs = sdr1, sdr2
            layout sales {
                folder "Replies" { folder "Positive" }
                folder "Archive" role archive
            }
            rules routing for sdrs layout sales {
                rule ooo when header "Auto-Submitted" exists and older than 3 days then move to "Replies/Positive"
                rule when always then stop
            }
            """;

    @TempDir
    static Path root;
    static LspSession session;
    static String uri;

    @BeforeAll
    static void start() throws Exception {
        session = new LspSession(root);
        uri = session.open("services.mailrules", TEXT);
        session.awaitDiagnostics(uri, d -> true);
    }

    @AfterAll
    static void stop() throws Exception {
        session.close();
    }

    @Test
    void proposesLayoutFoldersInsideFolderStrings() throws Exception {
        Position insideQuotes = position(TEXT, "\"Replies/Positive\"\n");
        List<String> labels = complete(session, uri, new Position(insideQuotes.getLine(), insideQuotes.getCharacter() + 1));
        assertTrue(labels.containsAll(List.of("\"INBOX\"", "\"Replies\"", "\"Replies/Positive\"", "\"Archive\"",
                "\"Archive/{year}\"")), labels::toString);
        assertFalse(labels.contains("\"Positive\""), labels::toString);
    }

    @Test
    void proposesCommonHeaderNames() throws Exception {
        Position inHeader = position(TEXT, "\"Auto-Submitted\"");
        List<String> labels = complete(session, uri, new Position(inHeader.getLine(), inHeader.getCharacter() + 1));
        assertTrue(labels.containsAll(List.of("\"Auto-Submitted\"", "\"List-Unsubscribe\"", "\"Precedence\"",
                "\"X-Autoreply\"", "\"Content-Type\"", "\"Return-Path\"")), labels::toString);
    }

    @Test
    void proposesDeclaredTargetsAndLayouts() throws Exception {
        List<String> targets = complete(session, uri, position(TEXT, "sdrs layout"));
        assertTrue(targets.containsAll(List.of("sdr1", "sdr2", "sdrs")), targets::toString);
        List<String> layouts = complete(session, uri, position(TEXT, "sales {", 2));
        assertTrue(layouts.contains("sales"), layouts::toString);
    }

    @Test
    void proposesConditionKeywords() throws Exception {
        List<String> labels = complete(session, uri, position(TEXT, "always then stop"));
        assertTrue(labels.containsAll(List.of("from", "subject", "header", "older", "size", "is", "has", "not", "all",
                "any", "always")), labels::toString);
    }

    @Test
    void hoverExplainsKeywordsAndConditions() throws Exception {
        assertTrue(hover(position(TEXT, "older than")).contains("IMAP SEARCH BEFORE"));
        assertTrue(hover(position(TEXT, "exists")).contains("header field is present"));
        assertTrue(hover(position(TEXT, "move to")).contains("Terminal"));
        assertTrue(hover(position(TEXT, "rules routing")).contains("**rules**"));
        assertTrue(hover(position(TEXT, "tls")).contains("Implicit TLS"));
    }

    @Test
    void limitsAreProposedAndExplainedAndStayOutOfTheOutline() throws Exception {
        String text = """
                mailbox m { host "h" password from secret "m" user "u" }
                rules purge for m {
                    limits {
                        remove at most 10% and 500
                    }
                    rule old when older than 30 days then expunge
                }
                """;
        String limitsUri = session.open("limits.mailrules", text);
        session.awaitDiagnostics(limitsUri, d -> true);
        List<String> inBlock = complete(session, limitsUri, position(text, "limits {"));
        assertTrue(inBlock.containsAll(List.of("limits", "rule")), inBlock::toString);
        List<String> inLimits = complete(session, limitsUri, position(text, "remove at most"));
        assertTrue(inLimits.containsAll(List.of("remove", "move")), inLimits::toString);
        assertTrue(hover(limitsUri, position(text, "limits {")).contains("refuses the whole mailbox"));
        assertTrue(hover(limitsUri, position(text, "remove at most")).contains("Default: 20% and 2000"));
        assertTrue(hover(limitsUri, position(text, "most")).contains("more refuses the mailbox"));
        List<DocumentSymbol> top = get(session.server.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(session.id(limitsUri)))).stream().map(Either::getRight)
                .toList();
        assertEquals("old", names(top.get(1).getChildren()));
    }

    @Test
    void hoverOnAReferenceSummarizesTheDeclaration() throws Exception {
        String text = hover(position(TEXT, "sdr1, sdr2"));
        assertTrue(text.contains("**mailbox sdr1**"), text);
        assertTrue(text.contains("host \"imap.example.com\" port 993 tls"), text);
        assertFalse(text.contains("secret"), text);
        assertTrue(hover(position(TEXT, "sales {", 2)).contains("Replies, Archive"));
    }

    @Test
    void documentSymbolsFormTheOutline() throws Exception {
        List<Either<SymbolInformation, DocumentSymbol>> symbols = get(session.server.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(session.id(uri))));
        List<DocumentSymbol> top = symbols.stream().map(Either::getRight).toList();
        assertEquals("sdr1 sdr2 sdrs sales routing",
                top.stream().map(DocumentSymbol::getName).collect(Collectors.joining(" ")));
        assertEquals(SymbolKind.Object, top.get(0).getKind());
        assertEquals("imap.example.com", top.get(0).getDetail());
        DocumentSymbol layout = top.get(3);
        assertEquals(SymbolKind.Namespace, layout.getKind());
        assertEquals("Replies Archive", names(layout.getChildren()));
        assertEquals("Positive", names(layout.getChildren().get(0).getChildren()));
        DocumentSymbol rules = top.get(4);
        assertEquals("for sdrs in INBOX", rules.getDetail());
        assertEquals("ooo rule #2", names(rules.getChildren()));
        assertEquals(SymbolKind.Function, rules.getChildren().get(0).getKind());
        assertEquals("move to \"Replies/Positive\"", rules.getChildren().get(0).getDetail());
    }

    private static String names(List<DocumentSymbol> symbols) {
        return symbols.stream().map(DocumentSymbol::getName).collect(Collectors.joining(" "));
    }

    private static String hover(Position position) throws Exception {
        return hover(uri, position);
    }

    private static String hover(String document, Position position) throws Exception {
        Hover hover = get(session.server.getTextDocumentService().hover(new HoverParams(session.id(document),
                position)));
        return hover == null ? "" : hover.getContents().getRight().getValue();
    }
}
