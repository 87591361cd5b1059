package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mailrules.ui.help.MarkdownText;
import io.mailrules.ui.help.MarkdownText.Kind;
import io.mailrules.ui.help.MarkdownText.Span;

/** The guide's Markdown as the Help view shows it: markup gone, headings and code styled. */
class MarkdownTextTest {

    @Test
    void headingsCodeAndLinksBecomeStyledPlainText() {
        MarkdownText rendered = MarkdownText.render("""
                # The `x` guide
                See [the examples](examples/) and run `mailrules plan`.
                ```
                mailbox a {
                ```
                ## Next""");
        assertEquals("The x guide\nSee the examples and run mailrules plan.\nmailbox a {\nNext\n", rendered.text());
        assertEquals(List.of(new Span(0, 11, Kind.HEADING), new Span(37, 14, Kind.CODE),
                new Span(53, 11, Kind.CODE), new Span(65, 4, Kind.SUBHEADING)), rendered.spans());
    }
}
