import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where settings come from, as OpenClaw reads them; the first that has a value wins and nothing
 * overrides a value already found: the process environment, {@code ./.env},
 * {@code $OPENCLAW_STATE_DIR/.env}, the config's {@code env} block, and — only when the config says
 * {@code env: { shellEnv: { enabled: true } }} — the user's login shell, asked once for the variables
 * still missing. Every value knows where it came from.
 */
final class Env {
    record Value(String value, String source) { }

    private final Map<String, String> process;
    private final Path cwd;
    private final Path home;
    private final List<String> warnings = new ArrayList<>();
    private List<Map.Entry<String, Map<String, String>>> files;
    private Map<String, String> configBlock = Map.of();
    private boolean shellEnabled;
    private long shellTimeoutMs = 15_000;
    private Map<String, String> shellAnswers;

    Env(Map<String, String> process, Path cwd, Path home) {
        this.process = Map.copyOf(process);
        this.cwd = cwd;
        this.home = home;
    }

    static Env system() {
        return new Env(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
    }

    /** A variable of the process environment only (used to find files, before any file is read). */
    String process(String name) {
        String v = process.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    Path home() { return home; }

    /** {@code $OPENCLAW_STATE_DIR}, else {@code ~/.openclaw} ({@code OPENCLAW_HOME} replacing {@code ~}). */
    Path stateDir() {
        if (process("OPENCLAW_STATE_DIR") != null) return expand(process("OPENCLAW_STATE_DIR"));
        Path base = process("OPENCLAW_HOME") != null ? expand(process("OPENCLAW_HOME")) : home;
        return base.resolve(".openclaw");
    }

    /** {@code $OPENCLAW_CONFIG_PATH}, else {@code <state dir>/openclaw.json}. */
    Path configPath() {
        return process("OPENCLAW_CONFIG_PATH") != null ? expand(process("OPENCLAW_CONFIG_PATH")) : stateDir().resolve("openclaw.json");
    }

    Path expand(String path) {
        if (path.equals("~")) return home;
        if (path.startsWith("~/")) return home.resolve(path.substring(2));
        return cwd.resolve(path);
    }

    /** Takes the config's {@code env} block: string members (and those of {@code env.vars}), and shellEnv. */
    void useConfig(JsonValue config) {
        JsonValue env = config instanceof JsonValue.JsonObject o ? o.get("env") : null;
        if (!(env instanceof JsonValue.JsonObject block)) return;
        Map<String, String> values = new LinkedHashMap<>();
        JsonValue vars = block.get("vars");
        if (vars instanceof JsonValue.JsonObject v) {
            for (Map.Entry<String, JsonValue> e : v.members().entrySet()) if (e.getValue() instanceof JsonValue.JsonString s) values.put(e.getKey(), s.value());
        }
        for (Map.Entry<String, JsonValue> e : block.members().entrySet()) if (e.getValue() instanceof JsonValue.JsonString s) values.putIfAbsent(e.getKey(), s.value());
        configBlock = values;
        if (block.get("shellEnv") instanceof JsonValue.JsonObject shell) {
            shellEnabled = shell.get("enabled") instanceof JsonValue.JsonBoolean b && b.value();
            if (shell.get("timeoutMs") instanceof JsonValue.JsonNumber n) shellTimeoutMs = n.longValue();
        }
    }

    /** The value of {@code name} and where it came from, or null. {@code wanted} are the names a login shell would be asked for. */
    Value lookup(String name, List<String> wanted) {
        if (process(name) != null) return new Value(process(name), "environment variable " + name);
        for (Map.Entry<String, Map<String, String>> file : dotEnvFiles()) {
            String v = file.getValue().get(name);
            if (v != null && !v.isEmpty()) return new Value(v, file.getKey() + " (" + name + ")");
        }
        String v = configBlock.get(name);
        if (v != null && !v.isEmpty()) return new Value(v, "config env block (" + name + ")");
        if (shellEnabled) {
            String s = shell(wanted).get(name);
            if (s != null && !s.isEmpty()) return new Value(s, "login shell (" + name + ")");
        }
        return null;
    }

    /** Bad lines found in .env files, one message each. */
    List<String> warnings() {
        dotEnvFiles();
        return List.copyOf(warnings);
    }

    private List<Map.Entry<String, Map<String, String>>> dotEnvFiles() {
        if (files == null) {
            files = new ArrayList<>();
            for (Path p : List.of(cwd.resolve(".env"), stateDir().resolve(".env"))) {
                DotEnv env = DotEnv.read(p);
                warnings.addAll(env.warnings());
                files.add(Map.entry(p.getParent().equals(cwd) ? "./.env" : display(p), env.values()));
            }
        }
        return files;
    }

    /** A path as the user would write it: {@code ~/...} under the home folder. */
    String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(home) && !abs.equals(home) ? "~/" + home.relativize(abs) : abs.toString();
    }

    /**
     * Asks the login shell, once and with a timeout, for the wanted variables that are still missing;
     * the names travel as arguments, never inside the script, so nothing is interpolated.
     */
    private Map<String, String> shell(List<String> wanted) {
        if (shellAnswers != null) return shellAnswers;
        shellAnswers = new LinkedHashMap<>();
        String shell = process("SHELL") != null ? process("SHELL") : "/bin/sh";
        List<String> command = new ArrayList<>(List.of(shell, "-l", "-c", "for n in \"$@\"; do printf '%s=' \"$n\"; printenv \"$n\"; printf '\\0'; done", "sh"));
        command.addAll(wanted);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getInputStream(), out));
            reader.start();
            if (!p.waitFor(shellTimeoutMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                warnings.add("login shell " + shell + " gave no answer in " + shellTimeoutMs + " ms; skipped");
                return shellAnswers;
            }
            reader.join(1000);
            for (String entry : out.toString(StandardCharsets.UTF_8).split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) shellAnswers.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            warnings.add("cannot run login shell " + shell + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return shellAnswers;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process went away; what was read is what we have
        }
    }
}
