import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.HashMap;
import java.util.Map;

/** A home, a state folder and a working folder of their own, and the variables a user would set. */
final class TestEnv {
    final Path root;
    final Path home;
    final Path cwd;
    final Map<String, String> vars = new HashMap<>();

    TestEnv(Path root) {
        this.root = root;
        this.home = root.resolve("home");
        this.cwd = root.resolve("work");
        try {
            Files.createDirectories(home);
            Files.createDirectories(cwd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestEnv with(String name, String value) {
        vars.put(name, value);
        return this;
    }

    /** How long this test's edits wait for a held lock (the real 10 s unless a test says less). */
    java.time.Duration lockWait = SidecarLock.WAIT;

    Env env() { return new Env(vars, cwd, home).waitingForLocks(lockWait); }

    /**
     * The router's model list as {@code models list} caches it, fresh, for the base URL these variables
     * give: what {@code models set} and the other edits check a MODEL against.
     */
    TestEnv cacheModelList(String answer) {
        String baseUrl = vars.getOrDefault("HF_ROUTER_URL", ConfigFile.DEFAULT_BASE_URL).replaceAll("/+$", "");
        write(state().resolve("cache/huggingface-models.json"), "{\"fetchedAt\":\""
                + UtcTime.format(java.time.Instant.now()) + "\",\"baseUrl\":\""
                + baseUrl + "\",\"answer\":" + answer.strip() + "}\n");
        return this;
    }

    /**
     * OpenClaw's state database as a running OpenClaw 2026.9.6 leaves it (test/fixtures/sqlite/openclaw.sqlite
     * and its -wal): {@code huggingface:default} holds {@code hf_TESTstoredInSqlite0123456789ab}.
     */
    TestEnv storeKeyLikeOpenClaw() {
        try {
            Path state = Files.createDirectories(state().resolve("state"));
            for (String suffix : new String[] {"", "-wal"}) {
                Files.copy(Repo.root().resolve("test/fixtures/sqlite/openclaw.sqlite" + suffix),
                        state.resolve("openclaw.sqlite" + suffix),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The default state folder, ~/.openclaw. */
    Path state() { return home.resolve(".openclaw"); }

    Path config() { return state().resolve("openclaw.json"); }

    /** The waits chat asked for between retries (recorded, never slept). */
    final List<Duration> pauses = java.util.Collections.synchronizedList(new ArrayList<>());

    /** {@code chat} with {@code stdin} as its input; not a terminal. Retry jitter is fixed at its middle. */
    Run chat(String stdin, String... args) { return chat(Term.PLAIN, stdin, args); }

    /** {@code chat} on a terminal (without colour), typing {@code typed}. */
    Run chatTyping(String typed, String... args) { return chat(new Term(true, 80, false), typed, args); }

    private Run chat(Term term, String stdin, String... args) { return chat(term, stdin, handler -> false, args); }

    /**
     * {@code chat} on a terminal typing {@code typed}, its Ctrl-C handler handed to {@code ctrlC} (for the test to
     * press).
     */
    Run chatTyping(java.util.function.Consumer<Runnable> ctrlC, String typed, String... args) {
        return chat(new Term(true, 80, false), typed, handler -> {
            ctrlC.accept(handler);
            return true;
        }, args);
    }

    /** {@code chat} without a terminal, its Ctrl-C handler handed to {@code ctrlC} (for the test to press). */
    Run chatPressing(java.util.function.Consumer<Runnable> ctrlC, String stdin, String... args) {
        return chat(Term.PLAIN, stdin, handler -> {
            ctrlC.accept(handler);
            return true;
        }, args);
    }

    private Run chat(Term term, String stdin, java.util.function.Predicate<Runnable> onInterrupt, String... args) {
        return chat(term, stdin.getBytes(StandardCharsets.UTF_8), onInterrupt, args);
    }

    /** {@code chat} with the bytes {@code stdin} as its input (an image, say); not a terminal. */
    Run chatReading(byte[] stdin, String... args) { return chat(Term.PLAIN, stdin, handler -> false, args); }

    private Run chat(Term term, byte[] stdin, java.util.function.Predicate<Runnable> onInterrupt, String... args) {
        Random middle = new Random() {
            @Override public double nextDouble() { return 0.5; }
        };
        return Run.of((out, err, a) -> new ChatCommand(env(), term, new ByteArrayInputStream(stdin), out, err,
                pauses::add, middle, onInterrupt).run(a), args);
    }

    /** {@code onboard} without a terminal, {@code stdin} as its input. */
    Run onboard(String stdin, String... args) {
        return Run.of((out, err, a) -> new OnboardCommand(env(), Term.PLAIN,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null,
                out, err).run(a), args);
    }

    /** {@code onboard} on a terminal, answering its questions with the lines of {@code typed}. */
    Run onboardTyping(String typed, String... args) {
        return Run.of((out, err, a) -> new OnboardCommand(env(), Term.PLAIN, new ByteArrayInputStream(new byte[0]),
                Keyboard.lines(new java.io.BufferedReader(new java.io.StringReader(typed)), out), out, err).run(a),
                        args);
    }

    Run models(String... args) { return Run.of((out, err, a) -> ModelsCommand.run(env(), Term.PLAIN, out, err, a),
            args); }

    /** {@code models} on a terminal {@code width} columns wide (no colour, no spinner). */
    Run modelsAt(int width, String... args) { return Run.of((out, err, a) -> ModelsCommand.run(env(), new Term(false,
            width, false), out, err, a), args); }

    String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
