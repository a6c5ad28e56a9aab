import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --mcp-server 'CMD ARGS'}: a Model Context Protocol server run as a child process, spoken to in JSON-RPC 2.0
 * over its stdin and stdout, a message a line: {@code initialize}, then {@code tools/list} (every page), then
 * {@code tools/call} for each call the model makes; stopped at the end (stdin closed, then ended). What it asks of
 * us ({@code ping}) is answered; anything else it asks is refused (we offer no sampling, roots or elicitation).
 */
final class McpServer implements AutoCloseable {
    /** The protocol version we speak; a server answering with another one is used all the same (tools are alike). */
    static final String PROTOCOL = "2025-06-18";
    /** How long the server may take to start and list its tools. */
    static final Duration START_LIMIT = Duration.ofSeconds(30);
    /** The longest line (one message) read from the server; the most tools and pages taken from it. */
    static final int MAX_LINE = 16 * 1024 * 1024, MAX_TOOLS = 1000, MAX_PAGES = 50;

    private final String shown;
    private final Process process;
    private final OutputStream stdin;
    private final Map<Long, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final StringBuilder stderrTail = new StringBuilder();
    private volatile String ended;
    private final Thread errors;

    private McpServer(String shown, Process process) {
        this.shown = shown;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.errors = ToolProcess.daemon(this::readErrors);
        ToolProcess.daemon(this::readMessages);
    }

    /** Starts the server {@code commandLine} and initializes it; fails in one line naming it. */
    static McpServer start(String commandLine) throws InterruptedException {
        List<String> words = CommandWords.split(commandLine);
        String shown = "--mcp-server '" + Printable.line(commandLine) + "'";
        if (words.isEmpty()) throw new Cli.UsageException("--mcp-server: give the command that starts the server");
        Process process;
        try {
            process = ToolProcess.builder(words).start();
        } catch (IOException e) {
            throw new Cli.Failure(shown + ": could not start " + Printable.line(words.get(0)) + ": "
                    + ToolProcess.whyNotStarted(e));
        }
        McpServer server = new McpServer(shown, process);
        try {
            server.request("initialize", JsonValue.object("protocolVersion", JsonValue.of(PROTOCOL), "capabilities",
                    JsonValue.object(), "clientInfo", JsonValue.object("name", JsonValue.of("openclaw-hf-chat"),
                            "version", JsonValue.of(Cli.VERSION))), START_LIMIT);
            server.notify("notifications/initialized");
        } catch (Cli.Failure e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The server's tools, as the model is offered them ({@code tools/list}, every page). */
    List<Tool> tools() throws InterruptedException {
        List<Tool> tools = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonObject listed = request("tools/list", cursor == null ? JsonValue.object() : JsonValue.object("cursor",
                    JsonValue.of(cursor)), START_LIMIT);
            JsonArray given = listed.array("tools");
            for (JsonObject t : given == null ? List.<JsonObject>of() : given.objects()) {
                String name = t.string("name");
                if (name == null || name.isBlank()) continue;
                if (tools.size() == MAX_TOOLS) throw new Cli.Failure(shown + ": lists more than " + MAX_TOOLS
                        + " tools");
                tools.add(new Remote(name, offeredName(name), t.string("description"), t.object("inputSchema")));
            }
            cursor = listed.string("nextCursor");
            if (cursor == null || cursor.isEmpty()) break;
        }
        return tools;
    }

    /** A tool's name as chat/completions takes it: other characters become '_', cut at 64. */
    static String offeredName(String name) {
        String offered = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return offered.length() > 64 ? offered.substring(0, 64) : offered;
    }

    /** One of the server's tools: {@code name} on the server, {@code offered} to the model. */
    private final class Remote implements Tool {
        private final String name;
        private final String offered;
        private final JsonObject definition;

        Remote(String name, String offered, String description, JsonObject schema) {
            this.name = name;
            this.offered = offered;
            this.definition = Tool.definition(offered, description, schema);
        }

        @Override public String name() { return offered; }

        @Override public String origin() { return shown; }

        @Override public JsonObject definition() { return definition; }

        @Override
        public Result call(JsonObject arguments, Duration limit) throws InterruptedException {
            JsonObject result;
            try {
                result = request("tools/call", JsonValue.object("name", JsonValue.of(name), "arguments", arguments),
                        limit);
            } catch (Cli.Failure e) {
                return Result.failed(e.getMessage().substring(shown.length() + 2));
            }
            String text = McpContent.text(result.array("content"), result.get("structuredContent"));
            if (result.boolOr("isError", false)) return Result.failed("the server says the call failed"
                    + (text.isBlank() ? "" : ": " + McpContent.oneLine(text)));
            // Bounded as a local tool's result is: it goes to the model, whose context is far smaller.
            if (text.length() > LocalTool.MAX_RESULT) return Result.failed("gave more than "
                    + FileReads.size(LocalTool.MAX_RESULT));
            return Result.ok(text);
        }
    }

    /** Sends request {@code method} and waits at most {@code limit} for its result; fails in one line naming it. */
    private JsonObject request(String method, JsonObject params, Duration limit) throws InterruptedException {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        try {
            send(JsonValue.object("jsonrpc", JsonValue.of("2.0"), "id", JsonValue.of(id), "method",
                    JsonValue.of(method), "params", params));
            JsonObject message = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            JsonObject error = message.object("error");
            if (error != null) throw new Cli.Failure(shown + ": " + method + ": "
                    + McpContent.oneLine(error.stringOr("message", Json.write(error))));
            JsonObject result = message.object("result");
            if (result == null) throw new Cli.Failure(shown + ": " + method + ": the answer has no result");
            return result;
        } catch (TimeoutException e) {
            throw new Cli.Failure(shown + ": " + method + ": no answer within " + Figures.seconds(limit));
        } catch (ExecutionException e) {
            throw new Cli.Failure(shown + ": " + e.getCause().getMessage());
        } finally {
            waiting.remove(id);
        }
    }

    private void notify(String method) {
        send(JsonValue.object("jsonrpc", JsonValue.of("2.0"), "method", JsonValue.of(method)));
    }

    private synchronized void send(JsonValue message) {
        if (ended != null) throw new Cli.Failure(shown + ": " + ended);
        try {
            stdin.write((Json.write(message) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new Cli.Failure(shown + ": " + endedLine());
        }
    }

    /** Reads the server's messages: results to whoever waits for them, its own requests answered. */
    private void readMessages() {
        try (InputStream in = process.getInputStream()) {
            for (String line; (line = readLine(in)) != null; ) {
                if (line.isBlank()) continue;
                JsonObject message;
                try {
                    message = Json.parse(line).asObject();
                } catch (RuntimeException e) {
                    continue;   // a server printing something else on stdout: not a message, passed over
                }
                JsonValue id = message.get("id");
                if (message.string("method") != null) {
                    if (id != null) answerRequest(id, message.string("method"));
                } else if (id instanceof JsonNumber n) {
                    CompletableFuture<JsonObject> f = waiting.get(n.longValue());
                    if (f != null) f.complete(message);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the stream broke: the server is treated as ended below
        }
        ended = endedLine();
        for (CompletableFuture<JsonObject> f : waiting.values()) f.completeExceptionally(new IOException(ended));
    }

    private void answerRequest(JsonValue id, String method) {
        JsonObject answer = method.equals("ping")
                ? JsonValue.object("jsonrpc", JsonValue.of("2.0"), "id", id, "result", JsonValue.object())
                : JsonValue.object("jsonrpc", JsonValue.of("2.0"), "id", id, "error", JsonValue.object("code",
                        JsonValue.of(-32601), "message", JsonValue.of("not offered by this client: " + method)));
        try {
            send(answer);
        } catch (Cli.Failure e) {
            // ended meanwhile
        }
    }

    /** One line of {@code in} without its end, or null at the end; a line past {@link #MAX_LINE} ends the reading. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') return line.toString(StandardCharsets.UTF_8);
            if (line.size() == MAX_LINE) throw new IOException("the server sent a line over "
                    + FileReads.size(MAX_LINE));
            line.write(b);
        }
        return line.size() > 0 ? line.toString(StandardCharsets.UTF_8) : null;
    }

    private void readErrors() {
        byte[] buffer = new byte[4096];
        try (InputStream err = process.getErrorStream()) {
            for (int n; (n = err.read(buffer)) > 0; ) {
                synchronized (stderrTail) {
                    stderrTail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderrTail.length() > 8192) stderrTail.delete(0, stderrTail.length() - 4096);
                }
            }
        } catch (IOException e) {
            // ended
        }
    }

    /** {@code the server ended (exit 1: its last line)}, or that it stopped answering while still running. */
    private String endedLine() {
        try {
            // An ended server's stderr is read to its end first: its last line says why.
            if (process.waitFor(500, TimeUnit.MILLISECONDS)) errors.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String last;
        synchronized (stderrTail) {
            String[] lines = stderrTail.toString().strip().split("\n");
            last = McpContent.oneLine(lines[lines.length - 1]);
        }
        if (!process.isAlive()) return "the server ended (exit " + process.exitValue() + (last.isEmpty() ? ""
                : ": " + last) + ")";
        return "the server closed its output" + (last.isEmpty() ? "" : " (" + last + ")");
    }

    /** Closes its stdin (the protocol's way to end), then ends it if it lingers. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ToolProcess.stop(process);
    }
}
