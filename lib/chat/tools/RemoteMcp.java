import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --mcp URL}: the router's Remote MCP, through its beta {@code POST /v1/responses}: the router connects to the
 * server, lists its tools and calls them for the model. A request carries {@code {"type":"mcp", "server_label",
 * "server_url", "allowed_tools", "require_approval"}}; calls ask for approval ({@code mcp_approval_request}) unless
 * {@code --yes}, and an approval is a new request carrying the whole input again (the API keeps no state): the
 * question, the response's output items, and an {@code mcp_approval_response} for each request ({@link ToolRunner}).
 */
final class RemoteMcp {
    private RemoteMcp() { }

    /** The request's {@code tools}: one entry a server; {@code allowed}: its tools the model may call (all: empty). */
    static JsonArray tools(List<String> urls, List<String> allowed, boolean yes) {
        List<JsonValue> tools = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String url : urls) {
            String label = label(url);
            for (int n = 2; labels.contains(label); n++) label = label(url) + "_" + n;
            labels.add(label);
            tools.add(JsonValue.object("type", JsonValue.of("mcp"), "server_label", JsonValue.of(label), "server_url",
                    JsonValue.of(url), "allowed_tools", allowed.isEmpty() ? null : JsonArray.ofStrings(allowed),
                    "require_approval", JsonValue.of(yes ? "never" : "always")));
        }
        return new JsonArray(tools);
    }

    /** An https URL (http only to this machine), refused in one line naming --mcp otherwise. */
    static String checked(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("invalid value for --mcp: '" + Printable.line(url) + "' (an https URL)");
        }
        String host = uri.getHost();
        boolean local = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (host == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && local)) {
            throw new Cli.UsageException("invalid value for --mcp: '" + Printable.line(url) + "' (an https URL)");
        }
        if (uri.getUserInfo() != null) throw new Cli.UsageException("--mcp: a URL with a login in it would be sent "
                + "to the router; give the server's URL without one");
        return url;
    }

    /** {@code gitmcp_io}: the host, as a label (letters, digits, _ and -). */
    private static String label(String url) {
        String host = URI.create(url).getHost();
        return host.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Whether {@code extra} (a request's added fields) offers Remote MCP: then the request goes to /v1/responses. */
    static boolean offeredIn(JsonObject extra) {
        JsonArray tools = extra == null ? null : extra.array("tools");
        if (tools == null) return false;
        for (JsonObject t : tools.objects()) if ("mcp".equals(t.string("type"))) return true;
        return false;
    }

    /**
     * The /v1/responses body asking {@code messages} of {@code model}: system messages become {@code instructions},
     * the others input items ({@code {"type":"message", role, content}}; items of earlier responses as they were).
     */
    static JsonValue request(String model, List<JsonValue> messages, ChatRun.Settings settings) {
        List<JsonValue> input = new ArrayList<>();
        StringBuilder instructions = new StringBuilder();
        for (JsonValue m : messages) {
            JsonObject o = m.asObject();
            if (o.has("type")) {
                input.add(o);
            } else if ("system".equals(o.string("role"))) {
                instructions.append(instructions.length() == 0 ? "" : "\n\n").append(o.stringOr("content", ""));
            } else {
                input.add(JsonValue.object("type", JsonValue.of("message"), "role", o.get("role"), "content",
                        o.get("content")));
            }
        }
        return JsonValue.object("model", JsonValue.of(model), "instructions", instructions.length() == 0 ? null
                : JsonValue.of(instructions.toString()), "input", new JsonArray(input), "tools",
                settings.extra().get("tools"), "temperature", settings.temperature() == null ? null
                        : new JsonNumber(Figures.plain(settings.temperature())), "max_output_tokens",
                settings.maxTokens() == null ? null : JsonValue.of(settings.maxTokens()), "stream",
                JsonValue.of(settings.stream()));
    }
}
