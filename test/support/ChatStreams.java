/**
 * Streams written for the tests, in the shapes router-notes describes but the recordings lack:
 * reasoning as {@code reasoning_content}, as {@code reasoning}, and inline {@code <think>} tags split
 * across chunks; errors inside a stream. Each chunk is a {@code data:} event and its blank line.
 */
final class ChatStreams {
    private ChatStreams() { }

    static String chunk(String delta, String finish) {
        return "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}],\"usage\":null}\n\n";
    }

    static String content(String text) { return chunk("{\"content\":" + Json.write(JsonValue.of(text)) + "}", null); }

    static final String DONE = "data: [DONE]\n\n";

    static final String REASONING_CONTENT = chunk("{\"role\":\"assistant\",\"reasoning_content\":\"2 plus 2…\\n\"}",
            null)
            + chunk("{\"reasoning_content\":\"is 4.\"}", null)
            + chunk("{\"content\":\"The answer is 4.\"}", null)
            + chunk("{}", "stop")
            + "data: {\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":12,\"total_tokens\":22}}\n\n"
            + DONE;

    static final String REASONING = chunk("{\"reasoning\":\"Adding.\"}", null) + chunk("{\"content\":\"Four.\"}",
            "stop") + DONE;

    static final String THINK_TAGS = content("<thi") + content("nk>2 and 2") + content(" make 4</th")
            + content("ink>\n\nIt is")
            + chunk("{\"content\":\" 4.\"}", "stop") + DONE;

    /** Text, then an error event from the provider. */
    static final String ERROR_AFTER_TEXT = content("Deep learning is")
            + "data: {\"error\":{\"message\":\"Internal error\",\"type\":\"server_error\"}}\n\n";

    /** An error event before any text. */
    static final String ERROR_FIRST = "data: {\"error\":\"Model is overloaded\"}\n\n";

    /** Text, then the end of the body: no finish reason, no [DONE]. */
    static final String ENDS_EARLY = content("Deep learning is");
}
