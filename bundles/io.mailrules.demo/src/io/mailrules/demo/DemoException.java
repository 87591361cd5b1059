package io.mailrules.demo;

/** The demo server could not start or be filled; the message says why, for the person starting the demo. */
public final class DemoException extends Exception {

    private static final long serialVersionUID = 1L;

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
