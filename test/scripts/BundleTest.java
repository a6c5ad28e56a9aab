import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The single-file bundles (made fresh by {@code ./jbang .ci/bundle.java}) run with plain {@code java}
 * give the same stdout, stderr and exit code as the scripts run through {@code ./jbang}, for all three
 * scripts over a spread of arguments, offline and against the fake router. Each pair of runs starts
 * from the same files in the same folders.
 */
@Tag("slow")
class BundleTest {
    static Path tmp, dist;
    static FakeRouter router;

    @BeforeAll static void bundle() throws Exception {
        tmp = Files.createTempDirectory("bundle-test");
        dist = tmp.resolve("dist");
        Process p = new ProcessBuilder(Repo.root().resolve("jbang").toString(), ".ci/bundle.java",
                dist.toString()).directory(Repo.root().toFile())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        // Built once up front, so that no run below says "[jbang] Building jar" on its stderr.
        for (String name : List.of("onboard", "models", "chat")) {
            Process b = new ProcessBuilder(Repo.root().resolve("jbang").toString(), "build", "scripts/" + name
                    + ".java").directory(Repo.root().toFile())
                    .redirectErrorStream(true).start();
            String built = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, b.waitFor(), built);
        }
        router = new FakeRouter().answer("/v1/models", 200, Repo.read("test/fixtures/router-models.json"))
                .answer("/api/whoami-v2", 200, Repo.read("test/fixtures/whoami-v2_finegrained.json"))
                .chat("deepseek-ai/DeepSeek-R1",
                        FakeRouter.Answer.sse(Repo.read("test/fixtures/chat/stream_together.sse")).header("x-inference-provider", "together"))
                .chat("Qwen/Qwen3-8B", FakeRouter.Answer.json(402,
                        Repo.read("test/fixtures/chat/err_402_depleted_credits_2026-08.json")))
                .chat("openai/gpt-oss-120b", FakeRouter.Answer.json(200,
                        Repo.read("test/fixtures/chat/nostream_together.json")));
    }

    @AfterAll static void cleanUp() throws IOException {
        router.close();
        try (Stream<Path> files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test void headerAndShape() throws IOException {
        String models = Files.readString(dist.resolve("models.java"));
        assertTrue(models.startsWith("///usr/bin/env jbang \"$0\" \"$@\" ; exit $?\n//\n// models.java: the OpenClaw x "
                + "Hugging Face toolkit's models script"), models.substring(0, 200));
        assertTrue(models.contains("by `./jbang .ci/bundle.java`; do not edit"));
        // The launcher first, the program behind "//| " (compiled once, not by the source launcher on every run).
        assertTrue(models.contains("\n//FILES models.java\n\n// The launcher of this bundle"));
        assertTrue(models.contains("\nclass models {\n    static final String NAME = \"models\";\n"));
        assertTrue(models.contains("\n//|     // ---- lib/json/JsonReader.java\n"));
        assertTrue(models.contains("\n//|     static final String CATALOG_JSON = \"\"\"\n"));
        assertTrue(models.lines().noneMatch(l -> l.startsWith("//SOURCES") || l.startsWith("//FILES")
                && !l.equals("//FILES models.java")), "no JBang source lines; its one file line is itself");
    }

    @Test void theProgramIsCompiledOnceForTheFileAndItsJdk() throws Exception {
        Path bundles = tmp.resolve("cache/openclaw-hf/bundles");
        same("models", "", "--version");
        int feature = Runtime.version().feature();
        List<String> made = names(bundles);
        assertTrue(made.stream().anyMatch(n -> n.matches("[0-9a-f]{32}-" + feature)), made.toString());
        same("models", "", "--version");
        assertEquals(made, names(bundles), "a second run compiles nothing");
        // An edited copy is another program: compiled on its own.
        Path copy = tmp.resolve("edited/models.java");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, Files.readString(dist.resolve("models.java")) + "\n// edited\n");
        List<String> command = new ArrayList<>(java(copy));
        command.add("--version");
        Result edited = run(command, "");
        assertEquals(new Result(0, "models " + Cli.VERSION + "\n", ""), edited);
        assertEquals(made.size() + 1, names(bundles).size());
        // No cache folder to write: compiled into a temporary one, which is gone after the run.
        Path temporary = Files.createDirectories(tmp.resolve("tmpdir"));
        Result homeless = run(List.of("env", "XDG_CACHE_HOME=", "HOME=/dev/null/none", Path.of(
                System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + temporary,
                dist.resolve("models.java").toString(), "--version"), "");
        assertEquals(new Result(0, "models " + Cli.VERSION + "\n", ""), homeless);
        assertEquals(List.of(), names(temporary));
    }

    /** {@code java FILE}, its program compiled into the test's own cache folder (XDG_CACHE_HOME). */
    static List<String> java(Path file) {
        return List.of("env", "XDG_CACHE_HOME=" + tmp.resolve("cache"), Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), file.toString());
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test void models() throws Exception {
        same("models", "", "--help");
        same("models", "", "--version");
        same("models", "", "lsit");
        same("models", "", "--offline", "--plain");
        same("models", "", "--offline");
        same("models", "", "--refresh", "--plain");
        same("models", "", "list", "--refresh", "--provider", "together");
        same("models", "", "list", "--offline", "--json");
        same("models", "", "show", "deepseek-ai/DeepSeek-R1", "--refresh");
        same("models", "", "set", "Qwen/Qwen3-8B:cheapest");
        same("models", "", "status", "--json");
    }

    @Test void chat() throws Exception {
        same("chat", "", "--help");
        same("chat", "", "-m", "a/b:auto", "hi");
        same("chat", "", "What is deep learning?");
        same("chat", "a question on stdin\n");
        same("chat", "", "-m", "openai/gpt-oss-120b", "--no-stream", "--json", "hi");
        same("chat", "", "-m", "Qwen/Qwen3-8B", "--no-fallback", "hi");
    }

    @Test void onboard() throws Exception {
        same("onboard", "", "--help");
        same("onboard", "", "--non-interactive", "--mode", "remote");
        same("onboard", "", "--non-interactive", "--huggingface-api-key", "hf_bundle_test_token_abcd");
        same("onboard", "hf_from_stdin_token_abcd\n", "--non-interactive", "--huggingface-api-key", "-", "--model",
                "Qwen/Qwen3-8B", "--skip-validation");
        same("onboard", "");
    }

    record Result(int status, String out, String err) { }

    /**
     * Runs {@code ./jbang scripts/NAME.java ARGS} and {@code java dist/NAME.java ARGS} from the same fresh state;
     * asserts they agree.
     */
    static void same(String name, String stdin, String... args) throws Exception {
        List<String> jbang = new ArrayList<>(List.of(Repo.root().resolve("jbang").toString(),
                Repo.root().resolve("scripts/" + name + ".java").toString()));
        List<String> java = new ArrayList<>(java(dist.resolve(name + ".java")));
        jbang.addAll(List.of(args));
        java.addAll(List.of(args));
        Result viaJbang = run(jbang, stdin), viaJava = run(java, stdin);
        assertEquals(commandsNamed(viaJbang), commandsNamed(viaJava), name + " " + String.join(" ", args));
    }

    /**
     * {@code r} with each hint's command as COMMAND(NAME): a hint names the command as the run was started, which is
     * the one thing the two ways of running differ in ({@code /repo/jbang models}, {@code java /dist/models.java}).
     */
    static Result commandsNamed(Result r) {
        String out = r.out(), err = r.err();
        for (String name : List.of("onboard", "models", "chat")) {
            for (String as : List.of(Repo.root().resolve("jbang") + " " + name, "java " + dist.resolve(name
                    + ".java"))) {
                out = out.replace(as, "COMMAND(" + name + ")");
                err = err.replace(as, "COMMAND(" + name + ")");
            }
        }
        return new Result(r.status(), out, err);
    }

    static Result run(List<String> command, String stdin) throws Exception {
        Path work = tmp.resolve("work"), home = tmp.resolve("home");
        try (Stream<Path> old = Files.exists(home) ? Files.walk(home) : Stream.empty()) {
            old.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Files.createDirectories(work);
        Files.createDirectories(home.resolve(".openclaw"));
        Files.writeString(home.resolve(".openclaw/openclaw.json"),
                "// the user's config\n{ agents: { defaults: { model: { fallbacks: "
                        + "[\"huggingface/openai/gpt-oss-120b\"] } } } }\n");
        Path in = tmp.resolve("stdin"), out = tmp.resolve("stdout"), err = tmp.resolve("stderr");
        Files.writeString(in, stdin);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("HF_") || k.startsWith("HUGGING") || k.startsWith("OPENCLAW_HOME")
                || k.startsWith("OPENCLAW_STATE")
                || k.startsWith("OPENCLAW_CONFIG") || k.equals("COLUMNS") || k.equals("NO_COLOR"));
        env.put("OPENCLAW_HOME", home.toString());
        env.put("HF_TOKEN_PATH", home.resolve("no-token-file").toString());
        env.put("HF_ROUTER_URL", router.baseUrl());
        env.put("HF_ENDPOINT", router.hubUrl());
        int status = pb.start().waitFor();
        return new Result(status, Files.readString(out), Files.readString(err));
    }
}
