import java.time.Duration;

/**
 * A function the model may call: a local program ({@link LocalTool}) or a tool of an MCP server ({@link McpServer}).
 * {@code name}: what the model calls it (unique among the tools offered); {@code origin}: where it comes from, as
 * the user named it.
 */
interface Tool {
    /** What a call came to: {@code text}, the result the model is given, or {@code failure}, one line (text ""). */
    record Result(String text, String failure) {
        static Result ok(String text) { return new Result(text, null); }

        static Result failed(String why) { return new Result("", why); }
    }

    String name();

    String origin();

    /** {@code {"type":"function","function":{name, description, parameters}}}, as chat/completions takes it. */
    JsonObject definition();

    /** Runs the call with {@code arguments} for at most {@code limit}. */
    Result call(JsonObject arguments, Duration limit) throws InterruptedException;

    /** The pattern chat/completions takes for a function's name. */
    String NAME = "[A-Za-z0-9_-]{1,64}";

    /** The definition of a function called {@code name}; parameters default to an object without properties. */
    static JsonObject definition(String name, String description, JsonObject parameters) {
        JsonObject schema = parameters != null ? parameters : JsonValue.object("type", JsonValue.of("object"),
                "properties", JsonValue.object());
        // A JSON schema's "$schema" tells nothing to a model, and some providers refuse a key starting with '$'.
        schema = schema.without("$schema");
        return JsonValue.object("type", JsonValue.of("function"), "function", JsonValue.object("name",
                JsonValue.of(name), "description", description == null ? null : JsonValue.of(description),
                "parameters", schema));
    }
}
