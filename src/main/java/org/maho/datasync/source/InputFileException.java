package org.maho.datasync.source;

/** An input file that cannot be read on: missing, unreadable, or broken past a point (an unclosed quote). */
public class InputFileException extends RuntimeException {
    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public InputFileException(String message) {
        super(message);
    }
}
