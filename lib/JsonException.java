/**
 * Input that is not the JSON (or JSON5) it should be. Carries the 1-based line and column when it
 * comes from the reader, so that callers can prefix the file: {@code openclaw.json:3:5: invalid character 'x'}.
 */
final class JsonException extends RuntimeException {
    private final String reason;
    private final int line;
    private final int column;

    /** A reader error at a place in the source: the message is {@code "<reason> at <line>:<column>"}. */
    JsonException(String reason, int line, int column) {
        super(reason + " at " + line + ":" + column);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** An error about a value rather than a place, such as asking a string for its members. */
    JsonException(String reason) {
        super(reason);
        this.reason = reason;
        this.line = 0;
        this.column = 0;
    }

    /** The message without its position. */
    String reason() { return reason; }

    /** 1-based; 0 when the error has no place in a source. */
    int line() { return line; }

    /** 1-based, in characters (code points); 0 when the error has no place in a source. */
    int column() { return column; }

    /** {@code file:line:col: reason}, the form an editor can jump to; just {@code file: reason} without a place. */
    String inFile(String file) {
        return line > 0 ? file + ":" + line + ":" + column + ": " + reason : file + ": " + reason;
    }
}
