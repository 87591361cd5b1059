package io.mailrules.ui.preview;

/** A rules file that cannot be planned, with a message for the user naming the file and the lines. */
public final class RulesFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public RulesFileException(String message) {
        super(message);
    }
}
