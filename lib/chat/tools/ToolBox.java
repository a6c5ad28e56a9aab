import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools a question offers: {@code --tool PATH}s, the executables of {@code --tools DIR}s, and the tools of the
 * {@code --mcp-server}s (started here, stopped by {@link #close}). Names are unique: two tools of one name fail,
 * naming both.
 */
final class ToolBox implements AutoCloseable {
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final List<McpServer> servers = new ArrayList<>();

    private ToolBox() { }

    /** Describes the tools and starts the servers; fails in one line (the servers started are stopped). */
    static ToolBox open(List<String> paths, List<String> folders, List<String> servers) throws InterruptedException {
        ToolBox box = new ToolBox();
        try {
            for (String path : paths) box.add(LocalTool.of(path));
            for (String folder : folders) for (String path : executables(folder)) box.add(LocalTool.of(path));
            for (String command : servers) {
                McpServer server = McpServer.start(command);
                box.servers.add(server);
                for (Tool t : server.tools()) box.add(t);
            }
        } catch (RuntimeException | InterruptedException e) {
            box.close();
            throw e;
        }
        return box;
    }

    /** The executable regular files of {@code folder}, by name; hidden ones (.name) are not tools. */
    private static List<String> executables(String folder) {
        List<Path> entries;
        try {
            entries = FileReads.list(Path.of(folder));
        } catch (java.io.IOException e) {
            throw new Cli.Failure("--tools " + Printable.line(folder) + ": " + (e instanceof FileReads.NotRegular
                    ? "not a folder" : e.getMessage()));
        }
        List<String> found = new ArrayList<>();
        for (Path p : entries) {
            if (p.getFileName().toString().startsWith(".") || !Files.isRegularFile(p)
                    || !Files.isExecutable(p)) continue;
            found.add(p.toString());
        }
        return found;
    }

    /** The most tools one request offers (OpenAI's limit, which providers follow). */
    static final int MAX_TOOLS = 128;

    private void add(Tool tool) {
        if (tools.size() == MAX_TOOLS) throw new Cli.Failure("more than " + MAX_TOOLS + " tools to offer (the most a "
                + "request takes); from " + tool.origin() + " on, choose fewer");
        Tool before = tools.putIfAbsent(tool.name(), tool);
        if (before != null) throw new Cli.Failure("two tools are called " + tool.name() + ": from " + before.origin()
                + " and from " + tool.origin());
    }

    boolean isEmpty() { return tools.isEmpty(); }

    int size() { return tools.size(); }

    /** The request's {@code tools}. */
    JsonArray definitions() {
        List<JsonValue> list = new ArrayList<>();
        for (Tool t : tools.values()) list.add(t.definition());
        return new JsonArray(list);
    }

    /** The tool the model calls {@code name}, or null. */
    Tool find(String name) { return tools.get(name); }

    @Override
    public void close() {
        for (McpServer s : servers) s.close();
        servers.clear();
    }
}
