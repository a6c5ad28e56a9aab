import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./jbang fast path, for real: a copy of the project run through the pinned JBang and then from the
 * java command it kept, output for output, on the JDK the tests run on (CI: 17 and 25). With
 * {@code OPENCLAW_JBANG_FAST=trace} the launcher says on stderr which path a run took; that line is checked,
 * then taken out before comparing with JBang's run.
 */
@Tag("slow")
class FastPathTest {
    @TempDir Path tmp;
    Path project;

    record Result(int status, String out, String err) { }

    @BeforeEach void copyTheProject() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        for (String part : List.of("jbang", "catalog.json", "jbang-catalog.json", "scripts", "lib")) {
            try (Stream<Path> files = Files.walk(Repo.root().resolve(part))) {
                for (Path file : files.toList()) {
                    Path copy = project.resolve(Repo.root().relativize(file).toString());
                    if (Files.isDirectory(file)) Files.createDirectories(copy);
                    else Files.copy(file, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // JBang as the launcher installed it for this checkout; kept commands go to this test's own cache.
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Files.createSymbolicLink(cache.resolve("0.127.18"), pinnedJBang());
    }

    static Path pinnedJBang() {
        String root = System.getenv("OPENCLAW_JBANG_CACHE");
        if (root == null) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            root = (xdg != null ? xdg : System.getenv("HOME") + "/.cache") + "/openclaw-jbang";
        }
        Path home = Path.of(root, "0.127.18");
        assertTrue(Files.exists(home.resolve("jars.txt")), "the pinned JBang is installed at " + home
                + " (./jbang installs it)");
        return home;
    }

    Result launch(String fast, String stdin, String... args) throws Exception {
        return launch(java.util.Map.of(), fast, stdin, args);
    }

    Result launch(java.util.Map<String, String> env, String fast, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(project.resolve("jbang").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
        pb.environment().put("OPENCLAW_JBANG_CACHE", tmp.resolve("cache").toString());
        pb.environment().put("OPENCLAW_JBANG_PINNED", "1");
        pb.environment().put("OPENCLAW_JBANG_FAST", fast);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OPENCLAW_STATE_DIR", tmp.resolve("state").toString());
        pb.environment().put("HF_ROUTER_URL", "http://127.0.0.1:9/v1");
        pb.environment().put("NO_COLOR", "1");
        for (String name : List.of("HF_TOKEN", "HUGGINGFACE_HUB_TOKEN", "HUGGING_FACE_HUB_TOKEN",
                "HF_BILL_TO")) pb.environment().remove(name);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    /**
     * The run through JBang, then a first run (that keeps the command if none is kept yet), then one from it: all
     * alike.
     */
    void same(String stdin, String... args) throws Exception {
        // The first run after the sources changed may build the jar, and JBang says so: not part of the script's
        // output.
        Result jbang = withoutJBangsBuild(launch("0", stdin, args));
        Result first = launch("trace", stdin, args);
        Result fast = launch("trace", stdin, args);
        assertEquals(jbang, withoutTrace(first, first.err().lines().findFirst().orElseThrow()), String.join(" ", args));
        String trace = fast.err().lines().findFirst().orElse("");
        assertEquals("[./jbang] fast path: " + launcher(args[0]), trace, "the kept launcher ran");
        assertEquals(jbang, withoutTrace(fast, fast.err().lines().findFirst().orElseThrow()), String.join(" ", args));
    }

    /** The launcher the program wrote for ./jbang's fast path of {@code script} (models, chat, onboard). */
    Path launcher(String script) {
        String path = project.resolve("scripts/" + script + ".java").toString();
        return tmp.resolve("cache/launch").resolve(path.replace("%", "%25").replace("/", "%2F") + ".sh");
    }

    /** JBang's jar of {@code script}, as the kept record names it. */
    Path jar(String script) throws IOException {
        Path record = Path.of(launcher(script).toString().replaceFirst("\\.sh$", ""));
        for (String line : Files.readAllLines(record)) if (line.startsWith("JAR ")) return Path.of(line.substring(4));
        throw new AssertionError("no JAR line in " + record);
    }

    /**
     * JBang says when it builds; whether it does depends on its cache (another checkout may have built these sources).
     */
    static Result withoutJBangsBuild(Result r) {
        return new Result(r.status(), r.out(),
                r.err().replaceAll("\\[jbang\\] Building jar for [a-z]+\\.java\\.\\.\\.\n", ""));
    }

    static Result withoutTrace(Result r, String line) {
        assertTrue(r.err().startsWith(line + "\n"), "expected '" + line + "' first on stderr, got: " + r.err());
        return new Result(r.status(), r.out(), r.err().substring(line.length() + 1));
    }

    @Test void eachScriptGivesWhatJBangGivesOutputErrorsAndExitCodes() throws Exception {
        same("", "models", "--offline", "--plain");
        same("", "models", "lsit");
        same("", "chat", "--version");
        same("hello\n", "chat", "-m", "x", "-");
        same("", "onboard", "--non-interactive");
    }

    @Test void aChangedSourceIsRebuiltByJBangAndThenRunFast() throws Exception {
        same("", "models", "--version");
        Path cli = project.resolve("lib/cli/Cli.java");
        Files.writeString(cli, Files.readString(cli).replace("VERSION = \"0.1.0\"", "VERSION = \"0.1.0-changed\""));
        assertEquals(new Result(0, "models 0.1.0-changed\n", "[./jbang] fast path: "
                + project.resolve("scripts/models.java") + " or a file it is built from changed\n"),
                withoutJBangsBuild(launch("trace", "", "models", "--version")));
        Result fast = launch("trace", "", "models", "--version");
        assertEquals("models 0.1.0-changed\n", fast.out());
        assertEquals("[./jbang] fast path: " + launcher("models") + "\n", fast.err());
    }

    @Test void aNewListedSourceIsSeen() throws Exception {
        same("", "models", "--version");
        // A new file named in a list: the list changed, so the next run goes through JBang.
        Files.writeString(project.resolve("lib/cli/Extra.java"), "final class Extra { }\n");
        Path list = project.resolve("lib/cli/sources.java");
        Files.writeString(list, Files.readString(list) + "//SOURCES Extra.java\n");
        assertEquals(new Result(0, "models 0.1.0\n", "[./jbang] fast path: " + project.resolve("scripts/models.java")
                + " or a file it is built from changed\n"),
                withoutJBangsBuild(launch("trace", "", "models", "--version")));
    }

    /**
     * The launcher's class-data cache, beside JBang's jar and named after the JDK's exact version: JDK 25+ an AOT cache
     * recorded by the first real run and assembled after it, older JDKs a CDS archive; a foreign one is ignored.
     */
    @Test void classDataCacheForTheJdk() throws Exception {
        same("", "models", "--offline", "--plain");
        String expected = launch("0", "", "models", "--offline", "--plain").out();
        String jar = jar("models").toString();
        Path cache = Path.of(jar.substring(0, jar.length() - ".jar".length()) + "-" + Runtime.version()
                + (Runtime.version().feature() >= 25 ? ".aot" : ".jsa"));
        for (long end = System.nanoTime() + 60_000_000_000L; !Files.exists(cache)
                && System.nanoTime() < end; ) Thread.sleep(100);
        assertTrue(Files.exists(cache), "no class-data cache at " + cache);
        String trace = "[./jbang] fast path: " + launcher("models") + "\n";
        assertEquals(new Result(0, expected, trace), launch("trace", "", "models", "--offline", "--plain"));
        // JBang's jar folder may be the checkout's own: the foreign cache is removed after, and made again.
        try {
            Files.writeString(cache, "not a class-data cache");
            assertEquals(new Result(0, expected, trace), launch("trace", "", "models", "--offline", "--plain"),
                    "a foreign cache is ignored, silently");
        } finally {
            Files.delete(cache);
        }
    }

    /**
     * The kept record's file is named after the script's path with % and / escaped (x%y/p and x/y/p keep two); its
     * launcher beside it.
     */
    @Test void everyScriptPathKeepsARecordOfItsOwn() throws Exception {
        same("", "models", "--version");
        String script = project.resolve("scripts/models.java").toString().replace("%", "%25").replace("/", "%2F");
        try (Stream<Path> kept = Files.list(tmp.resolve("cache/launch"))) {
            assertEquals(List.of(script, script + ".sh"), kept.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals("rwx------",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("cache/launch"))));
    }

    /** Root only (CI): a kept command another user owns (one who could have written it) is never run. */
    @Test void aKeptCommandAnotherUserOwnsIsNotRun() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to hand a file to another user");
        same("", "models", "--version");
        Path record = Path.of(launcher("models").toString().replaceFirst("\\.sh$", ""));
        new ProcessBuilder("chown", "65534", record.toString()).start().waitFor();
        Result r = withoutJBangsBuild(launch("trace", "", "models", "--version"));
        assertEquals(new Result(0, "models 0.1.0\n", "[./jbang] fast path: " + record + " is not this user's own\n"),
                r);
    }

    /**
     * Root only (CI): a launcher another user owns is never run either; the run goes through JBang, which keeps a new
     * one.
     */
    @Test void aLauncherAnotherUserOwnsIsNotRun() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to hand a file to another user");
        same("", "models", "--version");
        Files.writeString(launcher("models"), "#!/bin/sh\necho evil\n");
        new ProcessBuilder("chown", "65534", launcher("models").toString()).start().waitFor();
        Result r = withoutJBangsBuild(launch("trace", "", "models", "--version"));
        assertEquals(new Result(0, "models 0.1.0\n", "[./jbang] fast path: no launcher kept for "
                + project.resolve("scripts/models.java") + "\n"), r);
        assertTrue(!Files.readString(launcher("models")).contains("evil"), "replaced by the run through JBang");
    }

    /** A C locale: through JBang, then the fast path, chat sends what was typed, not U+FFFD (./jbang runs Java under C.UTF-8). */
    @Test void inACLocaleWhatWasTypedIsSent() throws Exception {
        try (FakeRouter router = new FakeRouter()) {
            String answer = Repo.read("test/fixtures/chat/nostream_together.json");
            FakeRouter.Answer ok = FakeRouter.Answer.json(200, answer);
            router.chat("deepseek-ai/DeepSeek-R1", ok, ok, ok);
            java.util.Map<String, String> env = java.util.Map.of("LC_ALL", "C", "HF_ROUTER_URL", router.baseUrl(),
                    "HF_TOKEN", "hf_fastPathLocale0123");
            assertEquals(0, launch(env, "0", "", "chat", "--no-stream", "h\u00e9llo \u2713").status());
            assertEquals(0, launch(env, "1", "", "chat", "--no-stream", "h\u00e9llo \u2713").status());
            Result fast = launch(env, "trace", "", "chat", "--no-stream", "h\u00e9llo \u2713");
            assertEquals("[./jbang] fast path: " + launcher("chat"), fast.err().lines().findFirst().orElseThrow());
            for (int i = 0; i < 3; i++) {
                assertEquals("h\u00e9llo \u2713", Json.parse(router.requests.get(i).body()).asObject().get("messages").asArray()
                        .get(0).asObject().string("content"));
            }
        }
    }

    /** JBang's builds of one script break each other: runs through it take turns, and every one of them answers. */
    @Test void twoFirstRunsAtOnceAfterASourceChangeBothAnswer() throws Exception {
        same("", "models", "--version");
        Path cli = project.resolve("lib/cli/Cli.java");
        Files.writeString(cli, Files.readString(cli).replace("VERSION = \"0.1.0\"", "VERSION = \"0.1.0-raced\""));
        List<java.util.concurrent.CompletableFuture<Result>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return withoutJBangsBuild(launch("0", "", "models", "--version"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var run : runs) assertEquals(new Result(0, "models 0.1.0-raced\n", ""), run.get());
        assertTrue(!Files.exists(tmp.resolve("cache/jbang.lock")), "the turn is given back");
    }

    /** Root only (CI): a class-data cache beside JBang's jar that another user owns is neither mapped nor replaced. */
    @Test void aClassDataFileAnotherUserOwnsIsNotMapped() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to hand a file to another user");
        same("", "models", "--version");
        String jar = jar("models").toString();
        Path cache = Path.of(jar.substring(0, jar.length() - ".jar".length()) + "-" + Runtime.version()
                + (Runtime.version().feature() >= 25 ? ".aot" : ".jsa"));
        Files.writeString(cache, "planted");
        new ProcessBuilder("chown", "65534", cache.toString()).start().waitFor();
        try {
            Result planted = launch("trace", "", "models", "--offline", "--plain");
            assertEquals(new Result(0, launch("0", "", "models", "--offline", "--plain").out(), "[./jbang] fast path: "
                    + launcher("models") + "\n"), planted);
            assertEquals("planted", Files.readString(cache), "not replaced");
        } finally {
            Files.delete(cache);
        }
    }
}
