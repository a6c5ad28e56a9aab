/** An MCP tool result's {@code content} as the text a model is given. */
final class McpContent {
    private McpContent() { }

    /**
     * The text parts, one after another; an image or audio part is named with its type and size (the model gets no
     * bytes it cannot read); an embedded resource gives its text. None: the structured content as JSON, else "".
     */
    static String text(JsonArray content, JsonValue structured) {
        StringBuilder sb = new StringBuilder();
        for (JsonObject part : content == null ? java.util.List.<JsonObject>of() : content.objects()) {
            String kind = part.stringOr("type", "");
            String piece = switch (kind) {
                case "text" -> part.stringOr("text", "");
                case "image", "audio" -> "[" + kind + " " + part.stringOr("mimeType", "") + ", "
                        + part.stringOr("data", "").length() * 3 / 4 + " bytes, not shown]";
                case "resource" -> part.object("resource") != null ? part.object("resource").stringOr("text",
                        "[resource " + part.object("resource").stringOr("uri", "") + "]") : "";
                case "resource_link" -> "[resource " + part.stringOr("uri", "") + "]";
                default -> "";
            };
            if (piece.isEmpty()) continue;
            if (sb.length() > 0) sb.append('\n');
            sb.append(piece);
        }
        if (sb.length() == 0 && structured != null) sb.append(Json.write(structured));
        return sb.toString();
    }

    /** {@code text} on one line, cut at 200 chars: what a failure's line quotes. */
    static String oneLine(String text) {
        String one = Printable.line(text.replaceAll("\\s+", " ").strip());
        return one.length() > 200 ? one.substring(0, 200) + "\u2026" : one;
    }
}
