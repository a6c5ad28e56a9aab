import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An array. The list becomes the value's: the caller hands it over and does not change it afterwards. */
record JsonArray(List<JsonValue> elements) implements JsonValue {
    @Override
    public List<JsonValue> elements() { return Collections.unmodifiableList(elements); }

    public JsonValue get(int index) { return elements.get(index); }

    public int size() { return elements.size(); }

    public boolean isEmpty() { return elements.isEmpty(); }

    /** The elements that are objects, in order; the others are skipped (outside data may mix kinds). */
    public List<JsonObject> objects() {
        List<JsonObject> objects = new ArrayList<>(elements.size());
        for (JsonValue e : elements) if (e instanceof JsonObject o) objects.add(o);
        return objects;
    }

    /** The elements that are strings, in order; the others are skipped. */
    public List<String> strings() {
        List<String> strings = new ArrayList<>(elements.size());
        for (JsonValue e : elements) if (e instanceof JsonString s) strings.add(s.value());
        return strings;
    }

    /** An array of these strings. */
    static JsonArray ofStrings(List<String> values) {
        List<JsonValue> list = new ArrayList<>(values.size());
        for (String v : values) list.add(new JsonString(v));
        return new JsonArray(list);
    }
}
