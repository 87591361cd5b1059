package io.mailrules.core.check;

/** The two kinds of change a {@link ChangeLimit} bounds. */
public enum ChangeKind {
    /** Mail leaving the folder for Trash ({@code delete}) or for good ({@code expunge}). */
    REMOVE("remove"),
    /** Mail moved to another folder. */
    MOVE("move");

    private final String word;

    ChangeKind(String word) {
        this.word = word;
    }

    /** The word of the rules language and of the command line: {@code remove}, {@code move}. */
    public String word() {
        return word;
    }
}
