/**
 * The character classes of JSON5 (ECMAScript 5.1 identifiers, whitespace and line terminators), and
 * how a character is shown in an error message, as the JSON5 reference shows it.
 */
final class JsonChars {
    private JsonChars() { }

    static boolean isIdentifierStart(int cp) {
        if (cp == '$' || cp == '_') return true;
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.LETTER_NUMBER -> true;
            default -> false;
        };
    }

    static boolean isIdentifierPart(int cp) {
        if (isIdentifierStart(cp) || cp == '\u200C' || cp == '\u200D') return true;
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.CONNECTOR_PUNCTUATION -> true;
            default -> false;
        };
    }

    static boolean isJson5Space(char c) {
        if (c < 0x80) return c == '\u000B' || c == '\f';
        return c == '\u00A0' || c == '\uFEFF' || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /** A character as the JSON5 reference shows it: quoted, with invisible ones escaped. */
    static String describe(int cp) {
        String shown = switch (cp) {
            case '\'' -> "\\'";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\u000B' -> "\\v";
            case 0 -> "\\0";
            case '\u2028' -> "\\u2028";
            case '\u2029' -> "\\u2029";
            case '\uFEFF' -> "\\uFEFF";
            default -> cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.getType(cp) == Character.SURROGATE
                    ? String.format("\\u%04X", cp)
                    : new String(Character.toChars(cp));
        };
        return "'" + shown + "'";
    }
}
