/**
 * One call the model asked for: its id (the one the {@code tool} message answers), the function's name and its
 * arguments as the model wrote them (JSON text, perhaps broken: they are read only when the call is run).
 */
record ToolCall(String id, String name, String arguments) {
    /** The arguments as an object; "" (a call without arguments, as some providers send it) is {}. */
    JsonObject argumentsObject() {
        if (arguments.isBlank()) return JsonValue.object();
        JsonValue v = Json.parse(arguments);
        if (!(v instanceof JsonObject o)) throw new JsonException("the arguments are not a JSON object");
        return o;
    }

    /** The call as the assistant message that asked it carries it back ({@code tool_calls[]}). */
    JsonObject json() {
        return JsonValue.object("id", JsonValue.of(id), "type", JsonValue.of("function"), "function",
                JsonValue.object("name", JsonValue.of(name), "arguments", JsonValue.of(arguments.isBlank() ? "{}"
                        : arguments)));
    }

    /** {@code get_weather {"city":"Paris"}}: the call on one line, the arguments cut at 200 chars. */
    String shown() {
        String args = arguments.isBlank() ? "{}" : arguments.replaceAll("\\s+", " ");
        return shownName() + " " + Printable.line(args.length() > 200 ? args.substring(0, 200) + "\u2026" : args);
    }

    /** The name as the model gave it, made printable and cut at 64 chars (a model may send anything). */
    String shownName() {
        String shown = Printable.line(name);
        return shown.length() > 64 ? shown.substring(0, 64) + "\u2026" : shown;
    }
}
