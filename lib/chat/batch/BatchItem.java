import java.util.List;

/**
 * One prompt of a batch: the {@code line} of the input it came from, its {@code id} ({@code custom_id}, else
 * {@code line N}), the model it names (null: the run's), the messages to send, and the request fields of an
 * OpenAI batch line's {@code body} besides those ({@code temperature}, {@code max_tokens}, {@code response_format};
 * null when none).
 */
record BatchItem(long line, String id, String model, List<JsonValue> messages, JsonObject body) {
    /** The id of an item without a {@code custom_id}: its line. */
    static String lineId(long line) { return "line " + line; }
}
