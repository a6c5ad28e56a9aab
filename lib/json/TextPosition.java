/**
 * A 1-based line and column in a JSON or JSON5 text, for error messages ({@code 3:5}). One rule for the
 * reader and the editor: lines end at LF, CRLF, a lone CR, U+2028 or U+2029 (JSON5's line terminators),
 * and columns count code points, as an editor shows them.
 */
record TextPosition(int line, int column) {
    /** Where {@code offset} (a char index, at most {@code length}) falls in {@code text}. */
    static TextPosition of(char[] text, int length, int offset) {
        int line = 1, column = 1;
        for (int i = 0; i < offset && i < length; i++) {
            char c = text[i];
            if (c == '\n' || c == '\u2028' || c == '\u2029' || (c == '\r' && (i + 1 >= length || text[i
                    + 1] != '\n'))) {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(text[i - 1])) {
                column++;
            }
        }
        return new TextPosition(line, column);
    }

    static TextPosition of(String text, int offset) { return of(text.toCharArray(), text.length(), offset); }
}
