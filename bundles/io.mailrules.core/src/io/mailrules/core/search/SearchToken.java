package io.mailrules.core.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One element of rendered search criteria. Kept apart from plain text because a literal cannot be written inline:
 * the connection either waits for the server's continuation or, with LITERAL+, announces it as {@code {n+}}.
 */
public sealed interface SearchToken {

    /** Appends the token as IMAP text; literals in their synchronizing form {@code {n}CRLF...}. */
    void appendTo(StringBuilder text);

    /** A search keyword, number, date or UID set, sent as is. */
    record Atom(String text) implements SearchToken {
        public Atom {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public void appendTo(StringBuilder out) {
            out.append(text);
        }
    }

    /** Seven-bit text without CR, LF or NUL, sent as a quoted string. */
    record Quoted(String value) implements SearchToken {
        public Quoted {
            Objects.requireNonNull(value, "value");
            if (!SearchRendering.fitsQuoted(value)) {
                throw new IllegalArgumentException("\"" + value + "\" needs a literal, not a quoted string");
            }
        }

        /** The quoted-string form with {@code "} and {@code \} escaped. */
        public String quoted() {
            StringBuilder out = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.append('"').toString();
        }

        @Override
        public void appendTo(StringBuilder out) {
            out.append(quoted());
        }
    }

    /** Text with line breaks or non-ASCII characters, sent as a UTF-8 literal. */
    record Literal(byte[] bytes) implements SearchToken {
        public Literal {
            bytes = bytes.clone();
        }

        public static Literal utf8(String value) {
            return new Literal(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public void appendTo(StringBuilder out) {
            out.append('{').append(bytes.length).append("}\r\n").append(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Literal literal && Arrays.equals(bytes, literal.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Literal[" + new String(bytes, StandardCharsets.UTF_8) + "]";
        }
    }

    /** A parenthesized list of keys that all must hold, needed where OR and NOT take a single key. */
    record Group(List<SearchToken> tokens) implements SearchToken {
        public Group {
            tokens = List.copyOf(tokens);
        }

        @Override
        public void appendTo(StringBuilder out) {
            out.append('(');
            SearchRendering.appendSeparated(tokens, out);
            out.append(')');
        }
    }
}
