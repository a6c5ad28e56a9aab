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
 * {@code $OPENCLAW_STATE_DIR/.env}, the config's {@code env} block, and - only when the config says
 * {@code env: { shellEnv: { enabled: true } }} - the user's login shell, asked once for the variables
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
    private List<String> misplaced = List.of();
    private boolean shellEnabled;
    private long shellTimeoutMs = 15_000;
    /** What the login shell said, by name, for every name it was asked (an empty value: it has none). */
    private final Map<String, String> shellAnswers = new LinkedHashMap<>();
    private boolean shellFailed;
    /** Names a command will look up later (see {@link #willLookUp}): asked of the login shell with the first batch. */
    private final List<String> later = new ArrayList<>();

    /** How long an edit waits for OpenClaw's lock on a file ({@link SidecarLock}); a test's own Env may wait less. */
    private java.time.Duration lockWait = SidecarLock.WAIT;

    Env(Map<String, String> process, Path cwd, Path home) {
        this.process = Map.copyOf(process);
        this.cwd = cwd;
        this.home = home;
    }

    java.time.Duration lockWait() { return lockWait; }

    /** This environment with a shorter lock wait: for tests, each its own, with no JVM-wide setting shared. */
    Env waitingForLocks(java.time.Duration wait) {
        lockWait = wait;
        return this;
    }

    static Env system() {
        return new Env(System.getenv(), Path.of("").toAbsolutePath(), home(System.getenv(),
                System.getProperty("user.home")));
    }

    /**
     * The home folder every {@code ~} means: {@code $HOME}, as OpenClaw (Node's {@code os.homedir()}), the
     * Hugging Face libraries and every shell tool take it; the JVM's {@code user.home} (the passwd entry)
     * only when {@code HOME} is unset or empty.
     */
    static Path home(Map<String, String> environment, String userHome) {
        String home = environment.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : userHome).toAbsolutePath();
    }

    /** How this run was started, for hints that name a command ({@link Invocation}). */
    Invocation invocation() { return Invocation.of(process("JBANG_LAUNCH_CMD"), cwd); }

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
        return process("OPENCLAW_CONFIG_PATH") != null ? expand(process("OPENCLAW_CONFIG_PATH"))
                : stateDir().resolve("openclaw.json");
    }

    Path expand(String path) {
        if (path.equals("~")) return home;
        if (path.startsWith("~/")) return home.resolve(path.substring(2));
        return cwd.resolve(path);
    }

    /**
     * Takes the config's {@code env} block as OpenClaw 2026.9.6 reads it: variables from {@code env.vars},
     * and {@code env.shellEnv}. A string directly under {@code env} ({@code env: {HF_TOKEN: "..."}}) is not
     * read: OpenClaw rejects the whole config for it; {@link #misplacedEnvKeys} names them for a warning.
     */
    void useConfig(JsonValue config) {
        JsonObject block = config.objectAt(List.of("env"));
        if (block == null) return;
        Map<String, String> values = new LinkedHashMap<>();
        JsonObject vars = block.object("vars");
        if (vars != null) for (String name : vars.members().keySet()) if (vars.string(name) != null) values.put(name,
                vars.string(name));
        configBlock = values;
        misplaced = new ArrayList<>();
        for (String name : block.members().keySet()) if (block.string(name) != null) misplaced.add(name);
        JsonObject shell = block.object("shellEnv");
        if (shell != null) {
            shellEnabled = shell.boolOr("enabled", false);
            shellTimeoutMs = shell.longOr("timeoutMs", shellTimeoutMs);
        }
    }

    /**
     * Strings directly under the config's {@code env}, which OpenClaw refuses ({@code env.vars.NAME} is the valid
     * form).
     */
    List<String> misplacedEnvKeys() { return List.copyOf(misplaced); }

    /** The value of {@code name} and where it came from, or null. */
    Value lookup(String name) { return lookup(name, List.of(name)); }

    /**
     * The value of {@code name} and where it came from, or null. {@code batch}: the names to ask a login
     * shell for together, if it must be asked for this one (each start of a login shell costs time).
     */
    Value lookup(String name, List<String> batch) { return lookup(name, batch, true); }

    /**
     * {@link #lookup}, but never from {@code ./.env}: for a variable that decides where the token goes
     * ({@code HF_ENDPOINT}), which a folder the user merely stands in (a cloned repository) must not set.
     * A {@code ./.env} that sets it gets a warning naming it.
     */
    Value lookupNotFromHere(String name, java.util.function.Consumer<String> warn) {
        Value v = lookup(name, List.of(name), false);
        Map<String, String> here = dotEnvFiles().get(0).getValue();
        if (here.get(name) != null && process(name) == null) warn.accept("./.env sets " + name
                + ", which decides where your token goes: not used from there");
        return v;
    }

    private Value lookup(String name, List<String> batch, boolean fromHere) {
        if (process(name) != null) return new Value(process(name), "environment variable " + name);
        for (Map.Entry<String, Map<String, String>> file : dotEnvFiles()) {
            if (!fromHere && file.getKey().equals("./.env")) continue;
            String v = file.getValue().get(name);
            if (v != null && !v.isEmpty()) return new Value(v, file.getKey() + " (" + name + ")");
        }
        String v = configBlock.get(name);
        if (v != null && !v.isEmpty()) return new Value(v, "config env.vars." + name);
        if (shellEnabled) {
            String s = shell(name, batch);
            if (s != null && !s.isEmpty()) return new Value(s, "login shell (" + name + ")");
        }
        return null;
    }

    /**
     * Says which variables the command will look up after the ones it asks for first, so that one login shell
     * (each start costs up to its timeout) answers them all: chat reads HF_BILL_TO and HF_CHAT_LOG after the token.
     */
    void willLookUp(String... names) {
        for (String n : names) if (!later.contains(n)) later.add(n);
    }

    /** Something worth a warning line on stderr ({@code models: warning: ...}), found while looking things up. */
    void warn(String message) { warnings.add(message); }

    /** Bad lines found in .env files, and what {@link #warn} was told, one message each. */
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
     * The login shell's value of {@code name}. The shell is started, with a timeout, only for names not
     * asked before ({@code name} and the rest of {@code batch}); the names travel as arguments, never
     * inside the script, so nothing is interpolated. A shell that failed or hung is not asked again.
     */
    private String shell(String name, List<String> batch) {
        if (!shellAnswers.containsKey(name) && !shellFailed) {
            List<String> ask = new ArrayList<>();
            for (String n : batch) if (!shellAnswers.containsKey(n)) ask.add(n);
            for (String n : later) if (!shellAnswers.containsKey(n) && !ask.contains(n)) ask.add(n);
            if (!ask.contains(name)) ask.add(name);
            askShell(ask);
        }
        return shellAnswers.get(name);
    }

    private void askShell(List<String> names) {
        String shell = process("SHELL") != null ? process("SHELL") : "/bin/sh";
        List<String> command = new ArrayList<>(List.of(shell, "-l", "-c",
                "for n in \"$@\"; do printf '%s=' \"$n\"; printenv \"$n\"; printf '\\0'; done", "sh"));
        command.addAll(names);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getInputStream(), out));
            reader.start();
            if (!p.waitFor(shellTimeoutMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                shellFailed = true;
                warnings.add("login shell " + shell + " gave no answer in " + shellTimeoutMs + " ms; skipped");
                return;
            }
            reader.join(1000);
            for (String n : names) shellAnswers.put(n, "");
            for (String entry : out.toString(StandardCharsets.UTF_8).split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) shellAnswers.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            shellFailed = true;
            warnings.add("cannot run login shell " + shell + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process went away; what was read is what we have
        }
    }
}
