package io.mailrules.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import io.mailrules.dsl.ide.highlighting.MailrulesHighlightingStyles;

@ExtendWith(InjectionExtension.class)
@InjectWith(MailrulesInjectorProvider.class)
class HighlightingTest {

    @Inject
    private MailrulesFixture fixture;

    @Inject
    private ISemanticHighlightingCalculator calculator;

    @Test
    void colorsNamesFoldersRegexesHeadersSecretsAndDestructiveActions() {
        String text = """
                mailbox m { host "h" password from secret "m-secret" user "u" }
                layout archive { folder "Old" role archive }
                rules r for m layout archive in "INBOX" {
                    rule old when header "X-A" matches /a+/ then move to "Old", delete
                }
                """;
        XtextResource resource = (XtextResource) fixture.parseClean(text).eResource();
        List<String> found = new ArrayList<>();
        IHighlightedPositionAcceptor acceptor = (offset, length, ids) -> {
            for (String id : ids) {
                found.add(text.substring(offset, offset + length) + "=" + id);
            }
        };
        calculator.provideHighlightingFor(resource, acceptor, CancelIndicator.NullImpl);
        String d = MailrulesHighlightingStyles.DECLARATION;
        String r = MailrulesHighlightingStyles.REFERENCE;
        String f = MailrulesHighlightingStyles.FOLDER;
        assertEquals(List.of("m=" + d, "\"m-secret\"=" + MailrulesHighlightingStyles.SECRET, "archive=" + d,
                "\"Old\"=" + f, "r=" + d, "m=" + r, "archive=" + r, "\"INBOX\"=" + f, "old=" + d,
                "\"X-A\"=" + MailrulesHighlightingStyles.HEADER_NAME, "/a+/=" + MailrulesHighlightingStyles.REGEX,
                "\"Old\"=" + f, "delete=" + MailrulesHighlightingStyles.DESTRUCTIVE), found);
    }
}
