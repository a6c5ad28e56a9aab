import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code --tool PATH}: an executable that prints its function's definition when run with {@code --describe}
 * ({@code {"name", "description", "parameters"}}, or the same inside {@code {"type":"function","function":{...}}})
 * and is run with a call's arguments as JSON on stdin, its stdout the result.
 */
final class LocalTool implements Tool {
    /** How long {@code --describe} may take, and how much it may print. */
    static final Duration DESCRIBE_LIMIT = Duration.ofSeconds(10);
    static final int MAX_DEFINITION = 64 * 1024;
    /** The most a call may print: the result goes to the model, whose context is far smaller. */
    static final int MAX_RESULT = 1024 * 1024;

    private final String shown;
    private final Path path;
    private final String name;
    private final JsonObject definition;

    private LocalTool(String shown, Path path, String name, JsonObject definition) {
        this.shown = shown;
        this.path = path;
        this.name = name;
        this.definition = definition;
    }

    /** The tool at {@code given} (as the user wrote it), described by itself; fails in one line naming it. */
    static LocalTool of(String given) throws InterruptedException {
        Path path = Path.of(given).toAbsolutePath();
        if (!Files.isRegularFile(path)) throw new Cli.Failure("--tool " + Printable.line(given) + ": "
                + (Files.exists(path) ? "not a regular file" : "no such file"));
        if (!Files.isExecutable(path)) throw new Cli.Failure("--tool " + Printable.line(given) + ": not executable "
                + "(chmod +x it)");
        ToolProcess.Outcome described = ToolProcess.run(List.of(path.toString(), "--describe"), "", DESCRIBE_LIMIT,
                MAX_DEFINITION);
        String where = "--tool " + Printable.line(given) + ": --describe ";
        if (described.failure() != null) throw new Cli.Failure(where + described.failure());
        JsonObject o;
        try {
            JsonValue v = Json.parse(described.stdout());
            if (!(v instanceof JsonObject object)) throw new Cli.Failure(where + "printed no JSON object");
            o = object.object("function") != null ? object.object("function") : object;
        } catch (JsonException e) {
            throw new Cli.Failure(where + "printed no valid definition: " + e.getMessage());
        }
        String name = o.string("name");
        if (name == null || !name.matches(NAME)) throw new Cli.Failure(where + "printed no valid name (letters, "
                + "digits, _ and -, at most 64)" + (name == null ? "" : ": '" + Printable.line(name) + "'"));
        if (o.has("parameters") && o.object("parameters") == null) throw new Cli.Failure(where
                + "printed parameters that are not a JSON schema object");
        return new LocalTool(given, path, name, Tool.definition(name, o.string("description"),
                o.object("parameters")));
    }

    @Override public String name() { return name; }

    @Override public String origin() { return "--tool " + Printable.line(shown); }

    @Override public JsonObject definition() { return definition; }

    @Override
    public Result call(JsonObject arguments, Duration limit) throws InterruptedException {
        ToolProcess.Outcome run = ToolProcess.run(List.of(path.toString()), Json.write(arguments), limit, MAX_RESULT);
        return run.failure() != null ? Result.failed(run.failure()) : Result.ok(run.stdout());
    }
}
