import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes values as JSON or JSON5, compact or indented by two spaces. Strings escape control characters,
 * U+2028/U+2029 (JavaScript line terminators) and lone surrogates, so the output is always valid UTF-8.
 * Strict JSON has no NaN or Infinity: writing one fails rather than producing a file nobody can read.
 */
final class JsonWriter {
    enum Style { JSON, JSON5 }

    private final StringBuilder out = new StringBuilder();
    private final Style style;
    private final boolean pretty;

    private JsonWriter(Style style, boolean pretty) {
        this.style = style;
        this.pretty = pretty;
    }

    static String write(JsonValue value, Style style, boolean pretty) {
        JsonWriter writer = new JsonWriter(style, pretty);
        writer.value(value, 0);
        return writer.out.toString();
    }

    private void value(JsonValue value, int indent) {
        if (value instanceof JsonObject o) object(o.members(), indent);
        else if (value instanceof JsonArray a) array(a.elements(), indent);
        else if (value instanceof JsonString s) out.append(quote(s.value()));
        else if (value instanceof JsonNumber n) out.append(number(n));
        else if (value instanceof JsonBoolean b) out.append(b.value());
        else out.append("null");
    }

    private void object(Map<String, JsonValue> members, int indent) {
        if (members.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<Map.Entry<String, JsonValue>> it = members.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonValue> member = it.next();
            newline(indent + 1);
            out.append(style == Style.JSON5 && isIdentifier(member.getKey()) ? member.getKey()
                    : quote(member.getKey()));
            out.append(pretty ? ": " : ":");
            value(member.getValue(), indent + 1);
            separator(it.hasNext());
        }
        newline(indent);
        out.append('}');
    }

    private void array(List<JsonValue> elements, int indent) {
        if (elements.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            newline(indent + 1);
            value(elements.get(i), indent + 1);
            separator(i + 1 < elements.size());
        }
        newline(indent);
        out.append(']');
    }

    /** A comma between items; in indented JSON5 also after the last one, as OpenClaw's own examples do. */
    private void separator(boolean more) {
        if (more || (pretty && style == Style.JSON5)) out.append(',');
    }

    private void newline(int indent) {
        if (!pretty) return;
        out.append('\n');
        for (int i = 0; i < indent; i++) out.append("  ");
    }

    private String number(JsonNumber n) {
        if (style == Style.JSON5) return n.text();
        if (!n.isFinite()) throw new JsonException(n.text()
                + " cannot be written as JSON (JSON has no NaN or Infinity)");
        return isJsonNumber(n.text()) ? n.text() : normalise(n.bigDecimalValue());
    }

    private static String normalise(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
    }

    private static final java.util.regex.Pattern JSON_NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static boolean isJsonNumber(String text) {
        return JSON_NUMBER.matcher(text).matches();
    }

    /** A name JSON5 may leave unquoted; kept to ASCII so every reader agrees. */
    static boolean isIdentifier(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
        }
        return true;
    }

    /** A string as a double-quoted JSON string literal. */
    static String quote(String s) {
        return quote(s, '"');
    }

    /** A string literal in {@code quote} ('"', or JSON5's '\''): only that quote is escaped. */
    static String quote(String s, char quote) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '\'' -> sb.append(c == quote ? "\\" + c : String.valueOf(c));
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(quote).toString();
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }
}
