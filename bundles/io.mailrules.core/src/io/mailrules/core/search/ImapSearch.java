package io.mailrules.core.search;

import java.util.List;
import java.util.Optional;

/**
 * Search criteria ready for the wire. {@code charset} is {@code UTF-8} when some text is not ASCII; servers that do
 * not know the charset answer {@code NO [BADCHARSET]}, which the connector reports rather than silently searching
 * for something else.
 */
public record ImapSearch(Optional<String> charset, List<SearchToken> criteria) {

    public ImapSearch {
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("search criteria need at least one key");
        }
    }

    /** The arguments of {@code UID SEARCH}, e.g. {@code CHARSET UTF-8 FROM {6}CRLFJürgen SINCE 1-Feb-2024}. */
    public String toImapText() {
        StringBuilder text = new StringBuilder();
        charset.ifPresent(name -> text.append("CHARSET ").append(name).append(' '));
        SearchRendering.appendSeparated(criteria, text);
        return text.toString();
    }

    @Override
    public String toString() {
        return toImapText();
    }
}
