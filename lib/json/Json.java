/** Strict JSON (RFC 8259). The reader and its rules are in {@link JsonReader}. */
public final class Json {
    private Json() { }

    /** Reads one JSON document; throws {@link JsonException} with the line and column of the first error. */
    public static JsonValue parse(String text) {
        return new JsonReader(text, false, null).readDocument();
    }

    /** Compact JSON. */
    public static String write(JsonValue value) {
        return JsonWriter.write(value, JsonWriter.Style.JSON, false);
    }

    /** JSON indented by two spaces. */
    public static String pretty(JsonValue value) {
        return JsonWriter.write(value, JsonWriter.Style.JSON, true);
    }
}
