/**
 * A position in a JSON or JSON5 text and the lexical steps every grammar rule of {@link JsonReader} takes:
 * look at, consume or expect a character, skip whitespace and comments, read hex digits and literal
 * words, and build the error for where the reader stands ({@code invalid character 'x' at 3:5}). The line
 * and column are worked out only when an error is thrown, so the happy path pays nothing for them.
 */
abstract class JsonCursor {
    final String text;
    /**
     * The text's characters: the reader looks at each one through an array, which costs the interpreter a
     * single bytecode where {@code String.charAt} costs three calls. A cold start reads its files interpreted.
     */
    final char[] chars;
    final int length;
    final boolean json5;
    int pos;

    JsonCursor(String text, boolean json5) {
        this.text = text;
        this.chars = text.toCharArray();
        this.length = chars.length;
        this.json5 = json5;
    }

    static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    // ---- whitespace and comments

    final void skipWhitespace() {
        while (pos < length) {
            char c = chars[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else if (!json5) {
                return;
            } else if (c == '/') {
                skipComment();
            } else if (JsonChars.isJson5Space(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    final void skipComment() {
        pos++;
        if (pos >= length) throw endOfInput();
        char c = chars[pos];
        if (c == '/') {
            while (pos < length && !JsonChars.isLineTerminator(chars[pos])) pos++;
        } else if (c == '*') {
            int end = text.indexOf("*/", pos + 1);
            if (end < 0) {
                pos = length;
                throw endOfInput();
            }
            pos = end + 2;
        } else {
            throw invalidCharacter();
        }
    }

    // ---- small helpers

    final char peek() {
        if (pos >= length) throw endOfInput();
        return chars[pos];
    }

    final boolean consume(char c) {
        if (pos >= length) throw endOfInput();
        if (chars[pos] != c) return false;
        pos++;
        return true;
    }

    final void expect(char c) {
        if (!consume(c)) throw invalidCharacter();
    }

    final JsonException invalidCharacterOrEnd() {
        return pos >= length ? endOfInput() : invalidCharacter();
    }

    final JsonException invalidCharacter() {
        if (pos >= length) return endOfInput();
        return error("invalid character " + JsonChars.describe(text.codePointAt(pos)));
    }

    final JsonException endOfInput() {
        pos = length;
        return error("invalid end of input");
    }

    final JsonException error(String reason) {
        return new JsonException(reason, TextPosition.of(chars, length, pos));
    }

    final int readHex(int digits) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            if (pos >= length) throw endOfInput();
            int d = Character.digit(chars[pos], 16);
            if (d < 0 || chars[pos] > 'f') throw invalidCharacter();
            value = value * 16 + d;
            pos++;
        }
        return value;
    }

    final JsonValue readLiteral(String word, JsonValue value) {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= length) throw endOfInput();
            if (chars[pos] != word.charAt(i)) throw invalidCharacter();
            pos++;
        }
        return value;
    }
}
