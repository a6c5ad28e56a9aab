/**
 * Input that is not the JSON (or JSON5) it should be, or a value that is not of the kind asked for.
 * From the reader it carries the place, so that callers can prefix the file:
 * {@code openclaw.json:3:5: invalid character 'x'}.
 */
final class JsonException extends RuntimeException {
    private final String reason;
    /** Null when the error has no place in a source. */
    private final TextPosition position;

    /** An error at a place in the source: the message is {@code "<reason> at <line>:<column>"}. */
    JsonException(String reason, TextPosition position) {
        super(reason + " at " + position.line() + ":" + position.column());
        this.reason = reason;
        this.position = position;
    }

    /** An error about a value rather than a place, such as asking a string for its members. */
    JsonException(String reason) {
        super(reason);
        this.reason = reason;
        this.position = null;
    }

    /**
     * {@link #inFile} for a value read from line {@code line} of a file holding one value a line (JSON Lines): its
     * column on that line.
     */
    String onLine(String file, long line) {
        return position != null ? file + ":" + line + ":" + position.column() + ": " + reason : file + ":" + line
                + ": " + reason;
    }

    /** {@code file:line:col: reason}, the form an editor can jump to; just {@code file: reason} without a place. */
    String inFile(String file) {
        return position != null ? file + ":" + position.line() + ":" + position.column() + ": " + reason : file + ": "
                + reason;
    }
}
