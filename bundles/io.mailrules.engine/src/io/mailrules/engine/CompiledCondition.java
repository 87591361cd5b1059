package io.mailrules.engine;

import java.util.Optional;

import io.mailrules.core.search.SearchKey;

/**
 * A condition split between server and client: the server's SEARCH returns a superset of the matching messages
 * ({@code narrowing}), and {@code residual}, when present, picks the true matches among them after a header fetch.
 * {@code standalone} decides the condition from fetched data alone; an enclosing {@code or} or {@code not} needs it
 * because there the narrowing of one operand says nothing about the others.
 */
record CompiledCondition(SearchKey narrowing, Optional<LocalCheck> residual, LocalCheck standalone) {

    static CompiledCondition exact(SearchKey key, LocalCheck standalone) {
        return new CompiledCondition(key, Optional.empty(), standalone);
    }

    boolean isExact() {
        return residual.isEmpty();
    }
}
