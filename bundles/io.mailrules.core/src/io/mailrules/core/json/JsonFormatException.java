package io.mailrules.core.json;

/**
 * A JSON document that is not a valid plan or journal record. The message leads with the JSON path of the offending
 * value (e.g. {@code $.mailboxes[0].folders[1].uidValidity}) so a user editing a saved plan can find it.
 */
public final class JsonFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public JsonFormatException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    public JsonFormatException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** The JSON path of the value that is wrong, {@code $} for the document as a whole. */
    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
