package io.mailrules.core.search;

import io.mailrules.core.search.SearchKey.All;
import io.mailrules.core.search.SearchKey.And;
import io.mailrules.core.search.SearchKey.Before;
import io.mailrules.core.search.SearchKey.Body;
import io.mailrules.core.search.SearchKey.Cc;
import io.mailrules.core.search.SearchKey.From;
import io.mailrules.core.search.SearchKey.HasFlag;
import io.mailrules.core.search.SearchKey.Header;
import io.mailrules.core.search.SearchKey.Keyword;
import io.mailrules.core.search.SearchKey.LacksFlag;
import io.mailrules.core.search.SearchKey.Larger;
import io.mailrules.core.search.SearchKey.Not;
import io.mailrules.core.search.SearchKey.On;
import io.mailrules.core.search.SearchKey.Or;
import io.mailrules.core.search.SearchKey.Since;
import io.mailrules.core.search.SearchKey.Smaller;
import io.mailrules.core.search.SearchKey.Subject;
import io.mailrules.core.search.SearchKey.To;
import io.mailrules.core.search.SearchKey.Uid;
import io.mailrules.core.search.SearchKey.Unkeyword;
import io.mailrules.core.plan.SystemFlag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns a {@link SearchKey} tree into IMAP search criteria. */
final class SearchRendering {

    /** IMAP dates use English month names whatever the locale (RFC 3501 date-month). */
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private boolean needsUtf8;

    private SearchRendering() {
    }

    static ImapSearch render(SearchKey key) {
        SearchRendering rendering = new SearchRendering();
        List<SearchToken> criteria = new ArrayList<>();
        rendering.appendConjunction(key, criteria);
        return new ImapSearch(rendering.needsUtf8 ? Optional.of("UTF-8") : Optional.empty(), criteria);
    }

    /** Quoted strings are 7-bit and single-line (RFC 3501 quoted); anything else must be a literal. */
    static boolean fitsQuoted(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c > 0x7f) {
                return false;
            }
        }
        return true;
    }

    static void appendSeparated(List<SearchToken> tokens, StringBuilder out) {
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            tokens.get(i).appendTo(out);
        }
    }

    /** A search program is an implicit AND of its keys, so nested ANDs flatten without parentheses. */
    private void appendConjunction(SearchKey key, List<SearchToken> out) {
        if (key instanceof And and) {
            if (and.keys().isEmpty()) {
                out.add(new SearchToken.Atom("ALL"));
            }
            for (SearchKey part : and.keys()) {
                appendConjunction(part, out);
            }
        } else {
            appendSingle(key, out);
        }
    }

    /** Appends exactly one search-key, as OR and NOT require of their operands. */
    private void appendOperand(SearchKey key, List<SearchToken> out) {
        List<SearchToken> tokens = new ArrayList<>();
        appendConjunction(key, tokens);
        if (key instanceof And and && and.keys().size() > 1) {
            out.add(new SearchToken.Group(tokens));
        } else {
            out.addAll(tokens);
        }
    }

    private void appendSingle(SearchKey key, List<SearchToken> out) {
        switch (key) {
            case From from -> text(out, "FROM", from.text());
            case To to -> text(out, "TO", to.text());
            case Cc cc -> text(out, "CC", cc.text());
            case Subject subject -> text(out, "SUBJECT", subject.text());
            case Body body -> text(out, "BODY", body.text());
            case Header header -> {
                out.add(new SearchToken.Atom("HEADER"));
                out.add(new SearchToken.Quoted(header.name()));
                out.add(string(header.text()));
            }
            case Since since -> date(out, "SINCE", since.date());
            case Before before -> date(out, "BEFORE", before.date());
            case On on -> date(out, "ON", on.date());
            case Larger larger -> atoms(out, "LARGER", Long.toString(larger.bytes()));
            case Smaller smaller -> atoms(out, "SMALLER", Long.toString(smaller.bytes()));
            case HasFlag has -> atoms(out, flagName(has.flag()));
            case LacksFlag lacks -> atoms(out, "UN" + flagName(lacks.flag()));
            case Keyword keyword -> atoms(out, "KEYWORD", keyword.keyword());
            case Unkeyword unkeyword -> atoms(out, "UNKEYWORD", unkeyword.keyword());
            case Uid uid -> atoms(out, "UID", uid.uids().toString());
            case All all -> atoms(out, "ALL");
            case Or or -> {
                out.add(new SearchToken.Atom("OR"));
                appendOperand(or.left(), out);
                appendOperand(or.right(), out);
            }
            case Not not -> {
                out.add(new SearchToken.Atom("NOT"));
                appendOperand(not.key(), out);
            }
            case And and -> appendOperand(and, out);
        }
    }

    private static String flagName(SystemFlag flag) {
        // \Seen -> SEEN, \Flagged -> FLAGGED: the search keys are the flag names without the backslash.
        return flag.imapName().substring(1).toUpperCase(Locale.ROOT);
    }

    private void text(List<SearchToken> out, String keyword, String value) {
        out.add(new SearchToken.Atom(keyword));
        out.add(string(value));
    }

    private SearchToken string(String value) {
        if (fitsQuoted(value)) {
            return new SearchToken.Quoted(value);
        }
        if (!value.chars().allMatch(c -> c < 0x80)) {
            needsUtf8 = true;
        }
        return SearchToken.Literal.utf8(value);
    }

    private static void date(List<SearchToken> out, String keyword, LocalDate date) {
        atoms(out, keyword, String.format(Locale.ROOT, "%d-%s-%04d", date.getDayOfMonth(), MONTHS[date.getMonthValue() - 1],
                date.getYear()));
    }

    private static void atoms(List<SearchToken> out, String... atoms) {
        for (String atom : atoms) {
            out.add(new SearchToken.Atom(atom));
        }
    }
}
