/**
 * JSON5 1.0: comments, unquoted and single-quoted names and strings, trailing commas, hex, '.5' and
 * '5.', a leading '+', Infinity and NaN, line continuations and the wider whitespace. Returns the same
 * values as {@link Json}; the reader is {@link JsonReader}.
 */
public final class Json5 {
    private Json5() { }

    public static JsonValue parse(String text) {
        return new JsonReader(text, true, null).readDocument();
    }

    /** Reads the document and tells {@code spans} where each key and value sits in it. */
    public static JsonValue parse(String text, JsonReader.Spans spans) {
        return new JsonReader(text, true, spans).readDocument();
    }

    /** Compact JSON5 (unquoted names where they are identifiers). */
    public static String write(JsonValue value) {
        return JsonWriter.write(value, JsonWriter.Style.JSON5, false);
    }

    /** JSON5 indented by two spaces, with trailing commas, the way OpenClaw's docs write configs. */
    public static String pretty(JsonValue value) {
        return JsonWriter.write(value, JsonWriter.Style.JSON5, true);
    }
}
