package io.mailrules.engine;

import java.util.Optional;

import io.mailrules.core.search.SearchKey;

/**
 * A condition split between server and client: the server's SEARCH returns a superset of the matching messages
 * ({@code narrowing}), and {@code residual}, when present, picks the true matches among them after a header fetch.
 * {@code standalone} decides the condition from fetched data alone; an enclosing {@code or} or {@code not} needs it
 * because there the narrowing of one operand says nothing about the others.
 *
 * {@code confirming}, when present, is a second SEARCH whose hits among the candidates match for certain, so that
 * only the other candidates need the header fetch: {@code from domain "d"} is certain for {@code <x@d>}, and that is
 * how almost every sender is written.
 */
record CompiledCondition(SearchKey narrowing, Optional<LocalCheck> residual, LocalCheck standalone,
        Optional<SearchKey> confirming) {

    CompiledCondition(SearchKey narrowing, Optional<LocalCheck> residual, LocalCheck standalone) {
        this(narrowing, residual, standalone, Optional.empty());
    }

    static CompiledCondition exact(SearchKey key, LocalCheck standalone) {
        return new CompiledCondition(key, Optional.empty(), standalone);
    }

    /** The SEARCH whose hits certainly match: the narrowing itself for an exact condition. */
    Optional<SearchKey> certain() {
        return isExact() ? Optional.of(narrowing) : confirming;
    }

    boolean isExact() {
        return residual.isEmpty();
    }
}
