import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A recursive-descent reader of JSON (RFC 8259) and, in JSON5 mode, of JSON5 1.0: one method per
 * grammar rule, one character of lookahead; the lexical steps and the errors are {@link JsonCursor}'s.
 * Errors use the JSON5 reference implementation's wording ({@code invalid character 'x' at 3:5},
 * {@code invalid end of input at 1:4}).
 *
 * <p>A duplicate key keeps the place of its first occurrence and the value of its last, as JavaScript's
 * {@code JSON.parse} and the JSON5 reference do.
 *
 * <p>An optional {@link Spans} listener is told where every key and value sits in the source; the
 * config editor uses it to change one value's bytes and leave every other byte alone.
 */
final class JsonReader extends JsonCursor {
    /** Deeper nesting is refused with a clean error rather than a StackOverflowError. */
    static final int MAX_DEPTH = 1000;

    /** Told, in document order, where each key and value sits (offsets into the text, end exclusive). */
    interface Spans {
        /** An object or array starts at {@code start}; its members or elements follow, then {@link #value}. */
        void open(int start);

        /** A member's name, quotes included. */
        void key(String name, int start, int end);

        /** A value has been read; for an object or array this comes after everything inside it. */
        void value(JsonValue value, int start, int end);
    }

    private final Spans spans;
    private final String[] keyCache = new String[512];
    private int depth;

    JsonReader(String text, boolean json5, Spans spans) {
        super(text, json5);
        this.spans = spans;
    }

    JsonValue readDocument() {
        skipWhitespace();
        JsonValue value = readValue();
        skipWhitespace();
        if (pos < length) throw invalidCharacter();
        return value;
    }

    private JsonValue readValue() {
        if (pos >= length) throw endOfInput();
        int start = pos;
        JsonValue value = switch (chars[pos]) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> new JsonString(readString('"'));
            case '\'' -> {
                if (!json5) throw invalidCharacter();
                yield new JsonString(readString('\''));
            }
            case 't' -> readLiteral("true", JsonValue.TRUE);
            case 'f' -> readLiteral("false", JsonValue.FALSE);
            case 'n' -> readLiteral("null", JsonValue.NULL);
            default -> readNumber();
        };
        if (spans != null) spans.value(value, start, pos);
        return value;
    }

    private JsonValue readObject() {
        enterContainer();
        pos++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        while (!consume('}')) {
            int keyStart = pos;
            String key = readKey();
            if (spans != null) spans.key(key, keyStart, pos);
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(key, readValue());
            skipWhitespace();
            if (consume(',')) {
                skipWhitespace();
                if (!json5 && peek() == '}') throw invalidCharacter();
            } else if (peek() != '}') {
                throw invalidCharacter();
            }
        }
        depth--;
        return new JsonObject(members);
    }

    private JsonValue readArray() {
        enterContainer();
        pos++;
        ArrayList<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        while (!consume(']')) {
            elements.add(readValue());
            skipWhitespace();
            if (consume(',')) {
                skipWhitespace();
                if (!json5 && peek() == ']') throw invalidCharacter();
            } else if (peek() != ']') {
                throw invalidCharacter();
            }
        }
        depth--;
        return new JsonArray(elements);
    }

    private void enterContainer() {
        if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
        if (spans != null) spans.open(pos);
    }

    private String readKey() {
        char c = peek();
        if (c == '"') return readCachedKey('"');
        if (json5 && c == '\'') return readCachedKey('\'');
        if (json5) return readIdentifier();
        throw invalidCharacter();
    }

    // ---- strings

    /**
     * A quoted key, reusing the String of an earlier identical key: documents repeat a few names many
     * times, and not allocating them again is most of what keeps this reader ahead of Jackson's.
     */
    private String readCachedKey(char quote) {
        int start = pos + 1;
        int hash = 0;
        for (int p = start; p < length; p++) {
            char c = chars[p];
            if (c == quote) {
                pos = p + 1;
                return cachedKey(start, p, hash);
            }
            if (c == '\\' || c < 0x20) break;
            hash = 31 * hash + c;
        }
        return readString(quote);
    }

    private String cachedKey(int start, int end, int hash) {
        int slot = (hash ^ (hash >>> 7)) & (keyCache.length - 1);
        String cached = keyCache[slot];
        int n = end - start;
        if (cached != null && cached.length() == n && text.regionMatches(start, cached, 0, n)) return cached;
        return keyCache[slot] = text.substring(start, end);
    }

    private String readString(char quote) {
        int start = ++pos;
        // Fast path: no escapes, so the value is a slice of the source.
        while (pos < length) {
            char c = chars[pos];
            if (c == quote) return text.substring(start, pos++);
            if (c == '\\' || c < 0x20) break;
            pos++;
        }
        StringBuilder sb = new StringBuilder(pos - start + 16);
        sb.append(text, start, pos);
        while (true) {
            if (pos >= length) throw endOfInput();
            char c = chars[pos];
            if (c == quote) {
                pos++;
                return sb.toString();
            } else if (c == '\\') {
                pos++;
                readEscape(sb);
            } else if (c == '\n' || c == '\r' || (c < 0x20 && !json5)) {
                throw invalidCharacter();
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    private void readEscape(StringBuilder sb) {
        if (pos >= length) throw endOfInput();
        char c = chars[pos];
        switch (c) {
            case '"', '\\', '/' -> sb.append(c);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                pos++;
                sb.append((char) readHex(4));
                return;
            }
            default -> {
                if (!json5) throw invalidCharacter();
                readJson5Escape(sb, c);
                return;
            }
        }
        pos++;
    }

    /** JSON5's extra escapes: \' \v \0 \xHH, line continuations, and any other character but a digit. */
    private void readJson5Escape(StringBuilder sb, char c) {
        switch (c) {
            case '\'' -> sb.append('\'');
            case 'v' -> sb.append('\u000B');
            case '0' -> {
                if (pos + 1 < length && isDigit(chars[pos + 1])) {
                    pos++;
                    throw invalidCharacter();
                }
                sb.append('\0');
            }
            case 'x' -> {
                pos++;
                sb.append((char) readHex(2));
                return;
            }
            case '\r' -> {
                if (pos + 1 < length && chars[pos + 1] == '\n') pos++;
            }
            case '\n', '\u2028', '\u2029' -> { }
            default -> {
                if (isDigit(c)) throw invalidCharacter();
                sb.append(c);
            }
        }
        pos++;
    }

    // ---- identifiers (JSON5 unquoted keys: ECMAScript 5.1 IdentifierName)

    private String readIdentifier() {
        // Fast path: plain ASCII names, by far the most common; anything else takes the full rules below.
        int first = pos, hash = 0, p = pos;
        while (p < length) {
            char c = chars[p];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (p > first && c >= '0'
                    && c <= '9')) {
                hash = 31 * hash + c;
                p++;
            } else {
                break;
            }
        }
        if (p > first && (p >= length || chars[p] < 0x80 && chars[p] != '\\')) {
            pos = p;
            return cachedKey(first, p, hash);
        }
        StringBuilder sb = new StringBuilder();
        do {
            int start = pos;
            int cp = identifierChar();
            if (!(sb.length() == 0 ? JsonChars.isIdentifierStart(cp) : JsonChars.isIdentifierPart(cp))) {
                pos = start;
                throw invalidCharacter();
            }
            sb.appendCodePoint(cp);
        } while (pos < length && (chars[pos] == '\\' || JsonChars.isIdentifierPart(text.codePointAt(pos))));
        return sb.toString();
    }

    /** The next identifier character, reading a {@code \}{@code uXXXX} escape as the character it names. */
    private int identifierChar() {
        if (pos >= length) throw endOfInput();
        if (chars[pos] == '\\') {
            pos++;
            if (pos >= length) throw endOfInput();
            if (chars[pos] != 'u') throw invalidCharacter();
            pos++;
            return readHex(4);
        }
        int cp = text.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    // ---- literals and numbers

    private JsonValue readNumber() {
        int start = pos;
        char c = chars[pos];
        if (c == '-' || (json5 && c == '+')) {
            pos++;
            if (pos >= length) throw endOfInput();
            c = chars[pos];
        }
        if (json5 && (c == 'I' || c == 'N')) {
            readLiteral(c == 'I' ? "Infinity" : "NaN", null);
            return new JsonNumber(text.substring(start, pos));
        }
        if (json5 && c == '0' && pos + 1 < length && (chars[pos + 1] == 'x' || chars[pos + 1] == 'X')) {
            pos += 2;
            readDigits(16);
            return new JsonNumber(text.substring(start, pos));
        }
        boolean integerDigits = readIntegerPart();
        boolean fractionDigits = false;
        if (pos < length && chars[pos] == '.') {
            pos++;
            fractionDigits = json5 ? readOptionalDigits() : readDigits(10);
            if (!integerDigits && !fractionDigits) throw invalidCharacterOrEnd();
        } else if (!integerDigits) {
            throw invalidCharacterOrEnd();
        }
        if (pos < length && (chars[pos] == 'e' || chars[pos] == 'E')) {
            pos++;
            if (pos < length && (chars[pos] == '+' || chars[pos] == '-')) pos++;
            readDigits(10);
        }
        return new JsonNumber(text.substring(start, pos));
    }

    /** {@code 0} or a non-zero digit and more digits; in JSON5 it may be absent ({@code .5}). */
    private boolean readIntegerPart() {
        if (pos >= length) throw endOfInput();
        char c = chars[pos];
        if (c == '0') {
            pos++;
            if (pos < length && isDigit(chars[pos])) throw invalidCharacter();
            return true;
        }
        if (isDigit(c)) return readDigits(10);
        if (json5 && c == '.') return false;
        throw invalidCharacter();
    }

    /** One or more digits of the radix. */
    private boolean readDigits(int radix) {
        if (pos >= length) throw endOfInput();
        if (!isDigitOf(chars[pos], radix)) throw invalidCharacter();
        while (pos < length && isDigitOf(chars[pos], radix)) pos++;
        return true;
    }

    private boolean readOptionalDigits() {
        int start = pos;
        while (pos < length && isDigit(chars[pos])) pos++;
        return pos > start;
    }

    private static boolean isDigitOf(char c, int radix) {
        return radix == 10 ? isDigit(c) : isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
