import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value: what {@link Json#parse} and {@link Json5#parse} return and {@link JsonWriter} writes, one
 * record per kind, each in its own file. Objects keep their key order; numbers keep their source text and
 * convert only when asked, so nothing is rounded on the way through. The {@code as*} accessors and the
 * path accessors fail loudly with what was found instead, and where.
 */
sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    JsonBoolean TRUE = new JsonBoolean(true);
    JsonBoolean FALSE = new JsonBoolean(false);
    JsonNull NULL = new JsonNull();

    static JsonString of(String value) { return new JsonString(value); }

    static JsonNumber of(long value) { return new JsonNumber(Long.toString(value)); }

    static JsonNumber of(BigDecimal value) { return new JsonNumber(value.toPlainString()); }

    static JsonBoolean of(boolean value) { return value ? TRUE : FALSE; }

    /** A string, or {@code null} for a null string; likewise for a number. */
    static JsonValue orNull(String value) { return value == null ? NULL : of(value); }

    static JsonValue orNull(BigDecimal value) { return value == null ? NULL : of(value); }

    /** An object from alternating keys and values: {@code object("id", of("x"), "n", of(2))}. */
    static JsonObject object(Object... keysAndValues) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            // A Java null (not JsonValue.NULL) leaves the member out: a field given only when it applies.
            if (keysAndValues[i + 1] != null) members.put((String) keysAndValues[i], (JsonValue) keysAndValues[i + 1]);
        }
        return new JsonObject(members);
    }

    static JsonArray array(JsonValue... elements) { return new JsonArray(List.of(elements)); }

    default JsonObject asObject() {
        if (this instanceof JsonObject o) return o;
        throw new JsonException("not an object: " + describe());
    }

    default JsonArray asArray() {
        if (this instanceof JsonArray a) return a;
        throw new JsonException("not an array: " + describe());
    }

    default String asString() {
        if (this instanceof JsonString s) return s.value();
        throw new JsonException("not a string: " + describe());
    }

    default JsonNumber asNumber() {
        if (this instanceof JsonNumber n) return n;
        throw new JsonException("not a number: " + describe());
    }

    default boolean asBoolean() {
        if (this instanceof JsonBoolean b) return b.value();
        throw new JsonException("not a boolean: " + describe());
    }

    default boolean isNull() { return this instanceof JsonNull; }

    /**
     * The value at {@code path}, a key per step through nested objects; null when a step is missing or
     * is not an object. Keys are whole keys, not dotted paths: model refs such as
     * {@code huggingface/Qwen/Qwen2.5-72B} are keys and hold dots.
     */
    default JsonValue at(List<String> path) {
        JsonValue v = this;
        for (String key : path) {
            if (!(v instanceof JsonObject o)) return null;
            v = o.get(key);
        }
        return v;
    }

    default JsonValue at(String... path) { return at(List.of(path)); }

    /** The object at {@code path}, or null when there is none there (or something else is). */
    default JsonObject objectAt(List<String> path) { return at(path) instanceof JsonObject o ? o : null; }

    /** The array at {@code path}, or null when there is none there (or something else is). */
    default JsonArray arrayAt(List<String> path) { return at(path) instanceof JsonArray a ? a : null; }

    /**
     * The string at {@code path}; null when absent or {@code null}; another kind fails, naming the path:
     * {@code agents.defaults.model.primary is the number 3, not a string}.
     */
    default String stringAt(List<String> path) {
        JsonValue v = at(path);
        if (v == null || v.isNull()) return null;
        if (v instanceof JsonString s) return s.value();
        throw new JsonException(String.join(".", path) + " is " + v.describe() + ", not a string");
    }

    /**
     * The string elements of the array at {@code path} (others skipped); empty when absent or
     * {@code null}; another kind fails, naming the path.
     */
    default List<String> stringsAt(List<String> path) {
        JsonValue v = at(path);
        if (v == null || v.isNull()) return new ArrayList<>();
        if (v instanceof JsonArray a) return new ArrayList<>(a.strings());
        throw new JsonException(String.join(".", path) + " is " + v.describe() + ", not an array");
    }

    /** What a person would call this value in an error message: {@code an array}, {@code the string "x"}. */
    default String describe() {
        if (this instanceof JsonObject) return "an object";
        if (this instanceof JsonArray) return "an array";
        if (this instanceof JsonString s) return "the string " + JsonWriter.quote(s.value());
        if (this instanceof JsonNumber n) return "the number " + n.text();
        if (this instanceof JsonBoolean b) return "the boolean " + b.value();
        return "null";
    }
}
