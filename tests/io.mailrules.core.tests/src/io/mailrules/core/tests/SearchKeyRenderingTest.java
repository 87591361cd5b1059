package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.plan.SystemFlag;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.ImapSearch;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.search.SearchToken;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchKeyRenderingTest {

    @Test
    void keysOnHeaderOrBodyTextReadMessagesAndKeysOnTheIndexDoNot() {
        assertTrue(SearchKey.and(new SearchKey.Before(LocalDate.of(2024, 1, 1)),
                SearchKey.not(new SearchKey.Header("List-Id", ""))).readsMessages());
        assertTrue(SearchKey.or(SearchKey.seen(), new SearchKey.Body("invoice")).readsMessages());
        assertFalse(SearchKey.and(new SearchKey.Since(LocalDate.of(2024, 1, 1)), SearchKey.flagged(),
                new SearchKey.Uid(UidSet.range(1, 9)), new SearchKey.Larger(1000)).readsMessages());
    }

    @Test
    void textKeysAreQuotedWithEscapes() {
        assertEquals("FROM \"ana@example.com\"", text(new SearchKey.From("ana@example.com")));
        assertEquals("SUBJECT \"say \\\"hi\\\" \\\\ bye\"", text(new SearchKey.Subject("say \"hi\" \\ bye")));
        assertEquals("TO \"\"", text(new SearchKey.To("")));
        assertEquals("CC \"x\"", text(new SearchKey.Cc("x")));
        assertEquals("BODY \"unsubscribe\"", text(new SearchKey.Body("unsubscribe")));
    }

    @Test
    void headerKeyQuotesNameAndValue() {
        assertEquals("HEADER \"Auto-Submitted\" \"\"", text(new SearchKey.Header("Auto-Submitted", "")));
        assertThrows(IllegalArgumentException.class, () -> new SearchKey.Header("Bad:Name", "x"));
        assertThrows(IllegalArgumentException.class, () -> new SearchKey.Header("Spaced Name", "x"));
    }

    @Test
    void asciiTextNeedsNoCharset() {
        assertEquals(Optional.empty(), new SearchKey.Subject("Out of office").toImap().charset());
    }

    @Test
    void nonAsciiTextGoesAsUtf8LiteralWithCharset() {
        ImapSearch search = new SearchKey.From("Jürgen").toImap();
        assertEquals(Optional.of("UTF-8"), search.charset());
        byte[] utf8 = "Jürgen".getBytes(StandardCharsets.UTF_8);
        assertEquals(7, utf8.length);
        assertEquals("CHARSET UTF-8 FROM {7}\r\nJürgen", search.toImapText());
        assertArrayEquals(utf8, ((SearchToken.Literal) search.criteria().get(1)).bytes());
    }

    @Test
    void lineBreaksGoAsLiteralButStayAscii() {
        ImapSearch search = new SearchKey.Body("a\r\nb").toImap();
        assertEquals(Optional.empty(), search.charset());
        assertEquals("BODY {4}\r\na\r\nb", search.toImapText());
    }

    @Test
    void datesUseImapFormatWithEnglishMonths() {
        assertEquals("SINCE 1-Feb-2024", text(new SearchKey.Since(LocalDate.of(2024, 2, 1))));
        assertEquals("BEFORE 31-Dec-1999", text(new SearchKey.Before(LocalDate.of(1999, 12, 31))));
        assertEquals("ON 15-Aug-2025", text(new SearchKey.On(LocalDate.of(2025, 8, 15))));
    }

    @Test
    void sizesFlagsAndKeywords() {
        assertEquals("LARGER 1048576", text(new SearchKey.Larger(1_048_576)));
        assertEquals("SMALLER 10", text(new SearchKey.Smaller(10)));
        assertEquals("SEEN", text(SearchKey.seen()));
        assertEquals("UNSEEN", text(SearchKey.unseen()));
        assertEquals("FLAGGED", text(SearchKey.flagged()));
        assertEquals("UNFLAGGED", text(SearchKey.unflagged()));
        assertEquals("ANSWERED", text(SearchKey.answered()));
        assertEquals("DELETED", text(SearchKey.deleted()));
        assertEquals("UNDELETED", text(SearchKey.undeleted()));
        assertEquals("UNDRAFT", text(new SearchKey.LacksFlag(SystemFlag.DRAFT)));
        assertEquals("KEYWORD $AutoReply", text(new SearchKey.Keyword("$AutoReply")));
        assertEquals("UNKEYWORD $Done", text(new SearchKey.Unkeyword("$Done")));
        assertThrows(IllegalArgumentException.class, () -> new SearchKey.Keyword("two words"));
        assertThrows(IllegalArgumentException.class, () -> new SearchKey.Keyword("\\Seen"));
    }

    @Test
    void uidKeyUsesCompressedSet() {
        assertEquals("UID 1:3,7", text(new SearchKey.Uid(UidSet.of(1, 2, 3, 7))));
        assertThrows(IllegalArgumentException.class, () -> new SearchKey.Uid(UidSet.empty()));
    }

    @Test
    void topLevelAndIsFlatAndEmptyAndMeansAll() {
        assertEquals("ALL", text(SearchKey.all()));
        assertEquals("ALL", text(SearchKey.and()));
        assertEquals("FROM \"a\" UNSEEN SINCE 2-Jan-2024", text(SearchKey.and(new SearchKey.From("a"),
                SearchKey.and(SearchKey.unseen(), new SearchKey.Since(LocalDate.of(2024, 1, 2))))));
    }

    @Test
    void orAndNotTakeSingleKeysSoConjunctionsAreParenthesized() {
        SearchKey bounces = SearchKey.or(new SearchKey.From("mailer-daemon"),
                SearchKey.and(new SearchKey.Header("Content-Type", "report"), SearchKey.unseen()));
        assertEquals("OR FROM \"mailer-daemon\" (HEADER \"Content-Type\" \"report\" UNSEEN)", text(bounces));
        assertEquals("NOT (FLAGGED SEEN)", text(SearchKey.not(SearchKey.and(SearchKey.flagged(), SearchKey.seen()))));
        assertEquals("NOT SEEN", text(SearchKey.not(SearchKey.and(SearchKey.seen()))));
        assertEquals("OR OR FROM \"a\" FROM \"b\" NOT FROM \"c\"", text(SearchKey.or(
                SearchKey.or(new SearchKey.From("a"), new SearchKey.From("b")),
                SearchKey.not(new SearchKey.From("c")))));
    }

    @Test
    void nestedLiteralStaysInsideItsGroup() {
        ImapSearch search = SearchKey.or(SearchKey.and(new SearchKey.Subject("Grüße"), SearchKey.unseen()),
                SearchKey.flagged()).toImap();
        assertEquals("CHARSET UTF-8 OR (SUBJECT {7}\r\nGrüße UNSEEN) FLAGGED", search.toImapText());
        SearchToken.Group group = (SearchToken.Group) search.criteria().get(1);
        assertEquals(List.of(new SearchToken.Atom("SUBJECT"), SearchToken.Literal.utf8("Grüße"),
                new SearchToken.Atom("UNSEEN")), group.tokens());
    }

    @Test
    void quotedTokenRefusesWhatNeedsALiteral() {
        assertThrows(IllegalArgumentException.class, () -> new SearchToken.Quoted("ä"));
        assertThrows(IllegalArgumentException.class, () -> new SearchToken.Quoted("a\nb"));
        assertTrue(new SearchToken.Quoted("plain").quoted().startsWith("\""));
    }

    private static String text(SearchKey key) {
        return key.toImap().toImapText();
    }
}
