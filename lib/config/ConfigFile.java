import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * OpenClaw's config file ({@code openclaw.json}, JSON5): the keys this toolkit reads and writes, and
 * the only place that writes the file. Edits go through {@link Json5Document} (only the edited bytes
 * change) and {@link SafeFile} (locked, atomic, {@code .bak}, 0600). A missing file is an empty config;
 * a file that does not parse is never written.
 */
final class ConfigFile {
    static final List<String> PRIMARY = List.of("agents", "defaults", "model", "primary");
    static final List<String> FALLBACKS = List.of("agents", "defaults", "model", "fallbacks");
    static final List<String> MODELS = List.of("agents", "defaults", "models");
    static final List<String> PROVIDER = List.of("models", "providers", "huggingface");
    static final List<String> BASE_URL = List.of("models", "providers", "huggingface", "baseUrl");
    static final List<String> API_KEY = List.of("models", "providers", "huggingface", "apiKey");
    static final List<String> PROVIDER_MODELS = List.of("models", "providers", "huggingface", "models");
    static final String DEFAULT_BASE_URL = "https://router.huggingface.co/v1";

    final Path path;
    /** The path as the user would write it, for messages. */
    final String shown;
    private final java.time.Duration lockWait;

    ConfigFile(Path path, String shown) { this(path, shown, SidecarLock.WAIT); }

    ConfigFile(Path path, String shown, java.time.Duration lockWait) {
        this.path = path;
        this.shown = shown;
        this.lockWait = lockWait;
    }

    static ConfigFile of(Env env) {
        return new ConfigFile(env.configPath(), env.display(env.configPath()), env.lockWait());
    }

    /**
     * The config's value; an empty object when there is no file. The keys every command reads are checked here, once,
     * so that a wrong type is said with the file, line and column ({@code openclaw.json:1:37: agents.defaults.model.
     * primary is the number 42, not a string}); the edits read the document itself, so that they can mend such a key.
     */
    JsonValue read() {
        Json5Document doc = document();
        for (List<String> key : List.of(PRIMARY, BASE_URL, FALLBACKS)) {
            Json5Document.Node node = doc.find(key);
            if (node == null) continue;
            try {
                if (key == FALLBACKS) doc.value().stringsAt(key);
                else doc.value().stringAt(key);
            } catch (JsonException e) {
                throw new Cli.Failure(new JsonException(e.getMessage(), TextPosition.of(doc.text(),
                        node.start)).inFile(shown));
            }
            for (int i = 0; i < node.elements.size(); i++) {
                JsonValue element = node.elements.get(i).value;
                if (element instanceof JsonString) continue;
                throw new Cli.Failure(new JsonException(String.join(".", key) + "[" + i + "] is " + element.describe()
                        + ", not a string", TextPosition.of(doc.text(), node.elements.get(i).start)).inFile(shown));
            }
        }
        return doc.value();
    }

    Json5Document document() {
        String text;
        try {
            text = FileReads.textOrEmpty(path);
            SafeFile.tidy(path);
        } catch (Exception e) {
            if (e instanceof FileReads.NotUtf8 bad) throw new Cli.Failure(shown + ":" + bad.getMessage());
            throw new Cli.Failure(shown + ": cannot read (" + Cli.reason(e) + ")");
        }
        try {
            return new Json5Document(text);
        } catch (JsonException e) {
            throw new Cli.Failure(e.inFile(shown));
        }
    }

    /**
     * Applies {@code edit} to the current file under the lock (re-read there, so a concurrent edit is
     * never lost) and writes the result when the text changed. Returns what {@code edit} returns.
     */
    <T> T update(Function<Json5Document, T> edit) {
        try {
            return SidecarLock.locked(path, lockWait, () -> {
                Json5Document doc = document();
                String before = doc.text();
                T result;
                try {
                    result = edit.apply(doc);
                } catch (JsonException e) {
                    throw new Cli.Failure(e.inFile(shown));
                }
                if (!doc.text().equals(before)) SafeFile.write(path, doc.text(), true);
                return result;
            });
        } catch (Cli.Failure | Cli.UsageException e) {
            throw e;
        } catch (SidecarLock.Busy e) {
            throw new Cli.Failure(e.getMessage());
        } catch (Exception e) {
            throw new Cli.Failure(shown + ": cannot write (" + Cli.reason(e) + ")");
        }
    }

    // ---- reading our keys from a config value

    /** The string at {@code path}, or null when absent; a value of another kind is an error naming the key. */
    static String string(JsonValue root, List<String> path) {
        try {
            return root.stringAt(path);
        } catch (JsonException e) {
            throw new Cli.Failure(e.getMessage());
        }
    }

    static List<String> fallbacks(JsonValue root) {
        try {
            return root.stringsAt(FALLBACKS);
        } catch (JsonException e) {
            throw new Cli.Failure(e.getMessage());
        }
    }

    /** Alias -> ref, from {@code agents.defaults.models[REF].alias}, in file order. */
    static Map<String, String> aliases(JsonValue root) {
        Map<String, String> aliases = new LinkedHashMap<>();
        JsonObject models = root.objectAt(MODELS);
        if (models != null) {
            for (Map.Entry<String, JsonValue> entry : models.members().entrySet()) {
                String alias = entry.getValue() instanceof JsonObject o ? o.string("alias") : null;
                if (alias != null) aliases.putIfAbsent(alias, entry.getKey());
            }
        }
        return aliases;
    }

    /** {@code HF_ROUTER_URL}, else the provider's baseUrl, else the public router; without a trailing slash. */
    static String baseUrl(Env env, JsonValue root) {
        String url = env.process("HF_ROUTER_URL");
        if (url == null) url = string(root, BASE_URL);
        if (url == null || url.isBlank()) url = DEFAULT_BASE_URL;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
