import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An object: members in their source order. The map becomes the value's: the caller hands it over and
 * does not change it afterwards.
 * <p>
 * The member accessors read data whose shape is not ours to promise (the router passes each provider's
 * fields through; a config is hand-edited): a member of the asked kind is returned, anything else (absent,
 * {@code null}, another kind) gives the fallback. Where a wrong kind must be an error, use
 * {@link JsonValue#stringAt} and {@link JsonValue#stringsAt}, or the {@code as*} accessors, which fail
 * loudly saying where and what they found.
 */
record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    @Override
    public Map<String, JsonValue> members() { return Collections.unmodifiableMap(members); }

    /** The member's value, or null when there is no such member. */
    public JsonValue get(String key) { return members.get(key); }

    public boolean has(String key) { return members.containsKey(key); }

    /** A copy without the member {@code key} (this object when it has none). */
    public JsonObject without(String key) {
        if (!members.containsKey(key)) return this;
        Map<String, JsonValue> copy = new java.util.LinkedHashMap<>(members);
        copy.remove(key);
        return new JsonObject(copy);
    }

    /** A copy with the member {@code key} set to {@code value} (in its place if it was there, else last). */
    public JsonObject with(String key, JsonValue value) {
        Map<String, JsonValue> copy = new java.util.LinkedHashMap<>(members);
        copy.put(key, value);
        return new JsonObject(copy);
    }

    /** The member when it is a string, else null. */
    public String string(String key) { return members.get(key) instanceof JsonString s ? s.value() : null; }

    /** The member when it is a string, else {@code otherwise}. */
    public String stringOr(String key, String otherwise) {
        String s = string(key);
        return s != null ? s : otherwise;
    }

    /** The member when it is a whole number that fits in a long, else {@code otherwise}. */
    public long longOr(String key, long otherwise) {
        Long n = wholeOrNull(key);
        return n != null ? n : otherwise;
    }

    /** The member when it is a whole number that fits in a long, else null. */
    public Long wholeOrNull(String key) {
        if (!(members.get(key) instanceof JsonNumber n)) return null;
        try {
            return n.longValue();
        } catch (JsonException notWhole) {
            return null;
        }
    }

    /** The member when it is a finite number, as written, else null. */
    public JsonNumber number(String key) { return members.get(key) instanceof JsonNumber n && n.isFinite() ? n : null; }

    /** The member when it is a finite number, exactly, else null. */
    public BigDecimal decimal(String key) {
        return members.get(key) instanceof JsonNumber n && n.isFinite() ? n.bigDecimalValue() : null;
    }

    /** The member when it is a boolean, else null. */
    public Boolean bool(String key) { return members.get(key) instanceof JsonBoolean b ? b.value() : null; }

    /** The member when it is a boolean, else {@code otherwise}. */
    public boolean boolOr(String key, boolean otherwise) {
        Boolean b = bool(key);
        return b != null ? b : otherwise;
    }

    /** The member when it is an object, else null. */
    public JsonObject object(String key) { return members.get(key) instanceof JsonObject o ? o : null; }

    /** The member when it is an array, else null. */
    public JsonArray array(String key) { return members.get(key) instanceof JsonArray a ? a : null; }

    /** The string elements of the member when it is an array; empty otherwise. */
    public List<String> strings(String key) {
        JsonArray a = array(key);
        return a == null ? List.of() : a.strings();
    }
}
