package io.mailrules.dsl.tests;

import static io.mailrules.dsl.tests.LspSession.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.dsl.validation.MailrulesIssueCodes;

/**
 * Every quick fix, applied the way a client applies it, and the text that results.
 */
class QuickFixTest {

    @Test
    void inlinePasswordBecomesASecretReference(@TempDir Path root) throws Exception {
        String text = "mailbox sdr1 { user \"u\"\n    host \"h\" port 993 tls\n    password \"hunter2\"\n}\n";
        Map<String, String> result = fix(root, text, MailrulesIssueCodes.INLINE_PASSWORD,
                "Use password from secret \"sdr1\"");
        assertEquals(text.replace("password \"hunter2\"", "password from secret \"sdr1\""), result.get("fix.mailrules"));
    }

    @Test
    void missingFolderIsAddedUnderItsExistingParent(@TempDir Path root) throws Exception {
        String text = """
                mailbox m { host "h" password from secret "m" user "u" }
                layout sales {
                    folder "Replies" {
                        folder "Positive"
                    }
                    folder "Archive"
                }
                rules r for m layout sales {
                    rule a when subject contains "no" then move to "Replies/Negative"
                }
                """;
        Map<String, String> result = fix(root, text, MailrulesIssueCodes.MISSING_FOLDER,
                "Add folder \"Replies/Negative\" to layout 'sales'");
        assertEquals(text.replace("        folder \"Positive\"\n", "        folder \"Positive\"\n        folder \"Negative\"\n"),
                result.get("fix.mailrules"));
    }

    @Test
    void missingNestedFolderGoesIntoALeafFolder(@TempDir Path root) throws Exception {
        String text = """
                mailbox m { host "h" password from secret "m" user "u" }
                layout sales {
                    folder "Archive"
                }
                rules r for m layout sales {
                    rule a when subject contains "x" then move to "Archive/Customers/Key"
                }
                """;
        Map<String, String> result = fix(root, text, MailrulesIssueCodes.MISSING_FOLDER,
                "Add folder \"Archive/Customers/Key\" to layout 'sales'");
        assertEquals(text.replace("    folder \"Archive\"\n", """
                    folder "Archive" {
                        folder "Customers" {
                            folder "Key"
                        }
                    }
                """), result.get("fix.mailrules"));
    }

    @Test
    void missingFolderIsAddedToTheImportedLayoutsFile(@TempDir Path root) throws Exception {
        String layouts = "layout sales {\n    folder \"Bounces\"\n}\n";
        LspSession.write(root, "layouts.mailrules", layouts);
        String text = """
                import "layouts.mailrules"
                mailbox m { host "h" password from secret "m" user "u" }
                rules r for m layout sales {
                    rule a when subject contains "x" then move to "Newsletters"
                }
                """;
        Map<String, String> result = fix(root, text, MailrulesIssueCodes.MISSING_FOLDER,
                "Add folder \"Newsletters\" to layout 'sales'");
        assertEquals("layout sales {\n    folder \"Bounces\"\n    folder \"Newsletters\"\n}\n",
                result.get("layouts.mailrules"));
    }

    static final String SHADOWED = """
            mailbox m { host "h" password from secret "m" user "u" }
            rules r for m {
                rule news when from contains "news" then move to "INBOX/News"
                rule other when is seen then flag
                rule letter when from contains "newsletter" then flag
            }
            """;

    @Test
    void shadowedRuleMovesAboveTheShadowingRule(@TempDir Path root) throws Exception {
        Map<String, String> result = fix(root, SHADOWED, MailrulesIssueCodes.SHADOWED_RULE,
                "Move rule 'letter' above rule 'news'");
        assertEquals("""
                mailbox m { host "h" password from secret "m" user "u" }
                rules r for m {
                    rule letter when from contains "newsletter" then flag
                    rule news when from contains "news" then move to "INBOX/News"
                    rule other when is seen then flag
                }
                """, result.get("fix.mailrules"));
    }

    @Test
    void shadowedRuleCanBeRemoved(@TempDir Path root) throws Exception {
        Map<String, String> result = fix(root, SHADOWED, MailrulesIssueCodes.SHADOWED_RULE, "Remove rule 'letter'");
        assertEquals(SHADOWED.replace("    rule letter when from contains \"newsletter\" then flag\n", ""),
                result.get("fix.mailrules"));
    }

    /**
     * Opens {@code text}, waits for the diagnostic with {@code code}, asks for code actions on it, applies the one
     * titled {@code title} and returns the resulting text of each changed file, by file name.
     */
    private static Map<String, String> fix(Path root, String text, String code, String title) throws Exception {
        try (LspSession session = new LspSession(root)) {
            String uri = session.open("fix.mailrules", text);
            List<Diagnostic> diagnostics = session.awaitDiagnostics(uri,
                    d -> d.stream().anyMatch(x -> code.equals(x.getCode().getLeft())));
            Diagnostic diagnostic = diagnostics.stream().filter(x -> code.equals(x.getCode().getLeft())).findFirst()
                    .orElseThrow();
            CodeActionParams params = new CodeActionParams(session.id(uri), diagnostic.getRange(),
                    new CodeActionContext(List.of(diagnostic)));
            List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions = get(
                    session.server.getTextDocumentService().codeAction(params));
            CodeAction action = actions.stream().map(Either::getRight)
                    .filter(a -> a != null && title.equals(a.getTitle())).findFirst()
                    .orElseThrow(() -> new AssertionError("no action '" + title + "' among "
                            + actions.stream().map(a -> a.isRight() ? a.getRight().getTitle() : "?").toList()));
            assertEquals(CodeActionKind.QuickFix, action.getKind());
            assertTrue(action.getDiagnostics().contains(diagnostic));
            Map<String, String> results = new java.util.HashMap<>();
            for (Map.Entry<String, List<TextEdit>> change : action.getEdit().getChanges().entrySet()) {
                Path file = Path.of(java.net.URI.create(change.getKey()));
                String original = file.getFileName().toString().equals("fix.mailrules") ? text
                        : java.nio.file.Files.readString(file);
                results.put(file.getFileName().toString(), LspSession.apply(original, change.getValue()));
            }
            return results;
        }
    }
}
