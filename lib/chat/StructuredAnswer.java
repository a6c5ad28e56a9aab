import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --schema} and {@code -x}: the request's {@code response_format} for a JSON schema, the check of the answer
 * against it (JSON, the schema's type, its required keys and the types of its properties: what a user relies on,
 * not all of JSON Schema), and the first fenced code block of an answer.
 */
final class StructuredAnswer {
    private StructuredAnswer() { }

    /** The most a schema file may hold. */
    static final long MAX_SCHEMA = 1024 * 1024;

    /**
     * The schema {@code --schema} names: inline JSON (it starts with '{', or is not a file's name: {@code true} is
     * JSON, not a file called "true"), else a file of it, read through the file layer (no FIFO, no device, 1 MB).
     */
    static JsonObject schema(String given) {
        String text = given;
        String where = "--schema";
        Path file = Path.of(given.isBlank() ? "." : given);
        boolean inline = given.strip().startsWith("{") || (!FileReads.exists(file) && looksLikeJson(given));
        if (!inline) {
            where = "--schema " + Printable.line(given);
            try {
                text = FileReads.text(file, MAX_SCHEMA);
            } catch (IOException e) {
                throw new Cli.Failure("--schema: cannot read " + Printable.line(given) + " (" + Cli.reason(e) + ")");
            }
        }
        try {
            if (Json.parse(text) instanceof JsonObject o) return o;
        } catch (JsonException e) {
            throw new Cli.Failure(where + ": " + e.getMessage());
        }
        throw new Cli.Failure(where + ": a JSON schema is an object" + (inline ? ", not "
                + Printable.line(shortened(text)) : ""));
    }

    private static boolean looksLikeJson(String given) {
        String t = given.strip();
        return t.startsWith("[") || t.startsWith("\"") || t.equals("true") || t.equals("false") || t.equals("null")
                || t.matches("-?[0-9][0-9.eE+-]*");
    }

    private static String shortened(String text) { return text.length() > 40 ? text.substring(0, 40) + "\u2026"
            : text; }

    /**
     * {@code {"type":"json_schema","json_schema":{"name":...,"schema":...,"strict":true}}}; the name is the schema's
     * title, else "answer".
     */
    static JsonObject responseFormat(JsonObject schema) {
        String title = schema.string("title");
        String name = title != null && title.matches("[A-Za-z0-9_-]{1,64}") ? title : "answer";
        return JsonValue.object("type", JsonValue.of("json_schema"),
                "json_schema", JsonValue.object("name", JsonValue.of(name), "schema", schema, "strict",
                        JsonValue.TRUE));
    }

    /**
     * The answer as JSON, checked against {@code schema}; a one-line failure saying what is wrong. A ```json fence
     * around it is allowed.
     */
    static JsonValue check(String answer, JsonObject schema) {
        String text = answer.strip();
        String fenced = firstFencedBlock(text);
        if (fenced != null && text.startsWith("```")) text = fenced;
        JsonValue value;
        try {
            value = Json.parse(text);
        } catch (JsonException e) {
            throw new Cli.Failure("the answer is not JSON (" + e.getMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        check(value, schema, "the answer", problems);
        if (!problems.isEmpty()) throw new Cli.Failure("the answer does not match the schema: " + String.join("; ",
                problems));
        return value;
    }

    private static void check(JsonValue value, JsonObject schema, String where, List<String> problems) {
        String type = schema.string("type");
        if (type != null && !is(value, type)) {
            problems.add(where + " is " + kind(value) + ", not " + type);
            return;
        }
        if (!(value instanceof JsonObject object)) return;
        for (String key : schema.strings("required")) if (object.get(key) == null) problems.add("missing required key "
                + "\"" + key + "\"");
        JsonObject properties = schema.object("properties");
        if (properties == null) return;
        for (Map.Entry<String, JsonValue> p : properties.members().entrySet()) {
            JsonValue v = object.get(p.getKey());
            if (v != null && p.getValue() instanceof JsonObject sub) check(v, sub, "\"" + p.getKey() + "\"", problems);
        }
    }

    private static boolean is(JsonValue v, String type) {
        return switch (type) {
            case "object" -> v instanceof JsonObject;
            case "array" -> v instanceof JsonArray;
            case "string" -> v instanceof JsonString;
            case "boolean" -> v instanceof JsonBoolean;
            case "null" -> v instanceof JsonNull;
            case "number" -> v instanceof JsonNumber;
            case "integer" -> v instanceof JsonNumber n && n.isWhole();
            default -> true;   // a type we do not know is not ours to refuse
        };
    }

    private static String kind(JsonValue v) {
        if (v instanceof JsonObject) return "an object";
        if (v instanceof JsonArray) return "an array";
        if (v instanceof JsonString) return "a string";
        if (v instanceof JsonNumber) return "a number";
        if (v instanceof JsonBoolean) return "a boolean";
        return "null";
    }

    /**
     * The text inside the first fenced code block (``` or ~~~, with an optional language), or null when there is none.
     */
    static String firstFencedBlock(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String open = lines[i].strip();
            if (!open.startsWith("```") && !open.startsWith("~~~")) continue;
            String fence = open.substring(0, 3);
            StringBuilder block = new StringBuilder();
            for (int j = i + 1; j < lines.length; j++) {
                if (lines[j].strip().startsWith(fence)) return block.toString();
                if (j > i + 1) block.append('\n');
                block.append(lines[j]);
            }
            return null;   // never closed
        }
        return null;
    }
}
