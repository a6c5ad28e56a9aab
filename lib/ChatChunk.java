/**
 * What one streamed chunk (or a whole non-streamed answer) of {@code /chat/completions} carries that
 * we use: answer text, reasoning ({@code reasoning_content} or {@code reasoning}, whichever the provider
 * sends), the finish reason, usage, and an error the router or provider put in the stream. Providers pass
 * their own shapes through: extra fields, {@code "id":""}, {@code usage:null}, no choices at all on a
 * usage-only chunk. Everything is optional; nulls mean "not in this chunk".
 */
record ChatChunk(String content, String reasoning, String finishReason, Usage usage, String error, String model) {

    /** Token counts; {@code total} as given, else the sum. */
    record Usage(long prompt, long completion, long total) { }

    /** A streamed chunk ({@code choices[0].delta}). Fails with {@link JsonException} on text that is not JSON. */
    static ChatChunk ofStreamed(String data) { return of(Json.parse(data), "delta"); }

    /** A non-streamed answer ({@code choices[0].message}). */
    static ChatChunk ofAnswer(JsonValue answer) { return of(answer, "message"); }

    private static ChatChunk of(JsonValue value, String part) {
        if (!(value instanceof JsonValue.JsonObject o)) throw new JsonException("not an object: " + value.describe());
        String error = errorMessage(o.get("error"));
        String content = null, reasoning = null, finish = null;
        if (o.get("choices") instanceof JsonValue.JsonArray choices && !choices.elements().isEmpty()
                && choices.elements().get(0) instanceof JsonValue.JsonObject choice) {
            finish = text(choice.get("finish_reason"));
            if (choice.get(part) instanceof JsonValue.JsonObject d) {
                content = text(d.get("content"));
                reasoning = text(d.get("reasoning_content"));
                if (reasoning == null) reasoning = text(d.get("reasoning"));
            }
        }
        return new ChatChunk(content, reasoning, finish, usage(o.get("usage")), error, text(o.get("model")));
    }

    /** An error the stream carries: its message, else the error object as JSON; null when there is none. */
    private static String errorMessage(JsonValue error) {
        if (!(error instanceof JsonValue.JsonString || error instanceof JsonValue.JsonObject)) return null;
        String message = RouterError.message(error);
        return message != null ? message : Json.write(error);
    }

    private static Usage usage(JsonValue v) {
        if (!(v instanceof JsonValue.JsonObject u)) return null;
        long prompt = whole(u.get("prompt_tokens")), completion = whole(u.get("completion_tokens"));
        long total = u.get("total_tokens") != null ? whole(u.get("total_tokens")) : prompt + completion;
        return new Usage(prompt, completion, total);
    }

    private static long whole(JsonValue v) {
        try {
            return v instanceof JsonValue.JsonNumber n ? n.longValue() : 0;
        } catch (JsonException e) {
            return 0;
        }
    }

    private static String text(JsonValue v) { return v instanceof JsonValue.JsonString s ? s.value() : null; }
}
