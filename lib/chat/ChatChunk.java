import java.util.List;

/**
 * What one streamed chunk (or a whole non-streamed answer) of {@code /chat/completions} carries that
 * we use: answer text, reasoning ({@code reasoning_content} or {@code reasoning}, whichever the provider
 * sends), the finish reason, usage, tool calls ({@code tool_calls}, as
 * they come: fragments when streamed), and an error the router or provider put in the stream. Providers pass
 * their own shapes through: extra fields, {@code "id":""}, {@code usage:null}, no choices at all on a
 * usage-only chunk. Everything is optional; nulls mean "not in this chunk".
 */
record ChatChunk(String content, String reasoning, String finishReason, Usage usage, String error,
        List<JsonObject> toolCalls) {

    /** Token counts; {@code total} as given, else the sum. */
    record Usage(long prompt, long completion, long total) {
        /** Both counts summed: what a question whose tool calls took several requests used. */
        Usage plus(Usage other) {
            return other == null ? this : new Usage(prompt + other.prompt, completion + other.completion, total
                    + other.total);
        }
    }

    /** A streamed chunk ({@code choices[0].delta}). Fails with {@link JsonException} on text that is not JSON. */
    static ChatChunk ofStreamed(String data) { return of(Json.parse(data), "delta"); }

    /** A non-streamed answer ({@code choices[0].message}). */
    static ChatChunk ofAnswer(JsonValue answer) { return of(answer, "message"); }

    private static ChatChunk of(JsonValue value, String part) {
        JsonObject o = value.asObject();
        String content = null, reasoning = null, finish = null;
        List<JsonObject> calls = List.of();
        JsonArray choices = o.array("choices");
        JsonObject choice = choices != null && !choices.isEmpty() && choices.get(0) instanceof JsonObject c ? c : null;
        if (choice != null) {
            finish = choice.string("finish_reason");
            JsonObject d = choice.object(part);
            if (d != null) {
                content = d.string("content");
                reasoning = d.stringOr("reasoning_content", d.string("reasoning"));
                JsonArray tools = d.array("tool_calls");
                if (tools != null) calls = tools.objects();
            }
        }
        return new ChatChunk(content, reasoning, finish, usage(o.object("usage")), errorMessage(o.get("error")),
                calls);
    }

    /** An error the stream carries: its message, else the error object as JSON; null when there is none. */
    private static String errorMessage(JsonValue error) {
        if (!(error instanceof JsonString || error instanceof JsonObject)) return null;
        String message = RouterError.message(error);
        return message != null ? message : Json.write(error);
    }

    private static Usage usage(JsonObject u) {
        if (u == null) return null;
        long prompt = u.longOr("prompt_tokens", 0), completion = u.longOr("completion_tokens", 0);
        return new Usage(prompt, completion, u.has("total_tokens") ? u.longOr("total_tokens", 0) : prompt + completion);
    }
}
