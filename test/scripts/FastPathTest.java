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
        assertTrue(Files.exists(home.resolve("jars.txt")), "the pinned JBang is installed at " + home + " (./jbang installs it)");
        return home;
    }

    Result launch(String fast, String stdin, String... args) throws Exception {
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
        for (String name : List.of("HF_TOKEN", "HUGGINGFACE_HUB_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_BILL_TO")) pb.environment().remove(name);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    /** The run through JBang, then a first run (that keeps the command if none is kept yet), then one from it: all alike. */
    void same(String stdin, String... args) throws Exception {
        // The first run after the sources changed may build the jar, and JBang says so: not part of the script's output.
        Result jbang = withoutJBangsBuild(launch("0", stdin, args));
        Result first = launch("trace", stdin, args);
        Result fast = launch("trace", stdin, args);
        assertEquals(jbang, withoutTrace(first, first.err().lines().findFirst().orElseThrow()), String.join(" ", args));
        String trace = fast.err().lines().findFirst().orElse("");
        assertTrue(trace.startsWith("[./jbang] fast path: " + args[0]) || trace.equals("[./jbang] fast path: recording an AOT cache"), fast.err());
        assertEquals(jbang, withoutTrace(fast, fast.err().lines().findFirst().orElseThrow()), String.join(" ", args));
    }

    /** JBang says when it builds; whether it does depends on its cache (another checkout may have built these sources). */
    static Result withoutJBangsBuild(Result r) {
        return new Result(r.status(), r.out(), r.err().replaceAll("\\[jbang\\] Building jar for [a-z]+\\.java\\.\\.\\.\n", ""));
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
        assertEquals(new Result(0, "models 0.1.0-changed\n", "[./jbang] fast path: " + project.resolve("scripts/models.java") + " or a file it is built from changed\n"),
                withoutJBangsBuild(launch("trace", "", "models", "--version")));
        Result fast = launch("trace", "", "models", "--version");
        assertEquals("models 0.1.0-changed\n", fast.out());
        assertTrue(fast.err().startsWith("[./jbang] fast path: models"), fast.err());
    }

    @Test void aNewListedSourceIsSeen() throws Exception {
        same("", "models", "--version");
        // A new file named in a list: the list changed, so the next run goes through JBang.
        Files.writeString(project.resolve("lib/cli/Extra.java"), "final class Extra { }\n");
        Path list = project.resolve("lib/cli/sources.java");
        Files.writeString(list, Files.readString(list) + "//SOURCES Extra.java\n");
        assertEquals(new Result(0, "models 0.1.0\n", "[./jbang] fast path: " + project.resolve("scripts/models.java") + " or a file it is built from changed\n"),
                withoutJBangsBuild(launch("trace", "", "models", "--version")));
    }

    /** JDK 25+: the first real run records an AOT cache beside JBang's jar, later runs map it; a foreign one is ignored. */
    @Test void classDataCacheForTheJdk() throws Exception {
        same("", "models", "--offline", "--plain");
        String expected = launch("0", "", "models", "--offline", "--plain").out();
        if (Runtime.version().feature() >= 25) {
            Path aot = waitForAot();
            String trace = "[./jbang] fast path: models -Xlog:aot*=off -XX:AOTCache=" + aot + "\n";
            assertEquals(new Result(0, expected, trace), launch("trace", "", "models", "--offline", "--plain"));
            // JBang's jar folder may be the checkout's own: the foreign cache is removed after, and made again.
            try {
                Files.writeString(aot, "not an AOT cache");
                assertEquals(new Result(0, expected, trace), launch("trace", "", "models", "--offline", "--plain"), "a foreign cache is ignored, silently");
            } finally {
                Files.delete(aot);
            }
        } else {
            Result next = launch("trace", "", "models", "--offline", "--plain");
            String trace = next.err();
            assertTrue(trace.startsWith("[./jbang] fast path: models -XX:SharedArchiveFile="), trace);
            assertEquals(new Result(0, expected, trace), next);
            Path jsa = Path.of(trace.substring(trace.indexOf('=') + 1).strip());
            try {
                Files.writeString(jsa, "not an archive");
                assertEquals(new Result(0, expected, trace), launch("trace", "", "models", "--offline", "--plain"), "a foreign archive is ignored, silently");
            } finally {
                Files.delete(jsa);
            }
        }
    }

    /** The AOT cache is assembled in the background after the recording run: wait for it, up to a minute. */
    Path waitForAot() throws Exception {
        String jar = null;
        for (String line : Files.readAllLines(Files.list(tmp.resolve("cache/launch")).filter(f -> f.toString().endsWith("models.java")).findFirst().orElseThrow())) {
            if (line.startsWith("JSA ")) jar = line.substring(4, line.length() - ".jsa".length());
        }
        String runtime = Runtime.version().toString().replaceAll("[^A-Za-z0-9.+_-]", "_");
        Path aot = Path.of(jar + "-" + runtime + ".aot");
        for (long end = System.nanoTime() + 60_000_000_000L; !Files.exists(aot) && System.nanoTime() < end; ) Thread.sleep(100);
        assertTrue(Files.exists(aot), "no AOT cache at " + aot);
        return aot;
    }

    /** The kept command's file is named after the script's path with % and / escaped: x%y/p and x/y/p keep two. */
    @Test void everyScriptPathKeepsARecordOfItsOwn() throws Exception {
        same("", "models", "--version");
        String script = project.resolve("scripts/models.java").toString();
        try (Stream<Path> kept = Files.list(tmp.resolve("cache/launch"))) {
            assertEquals(List.of(script.replace("%", "%25").replace("/", "%2F")), kept.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("cache/launch"))));
    }

    /** Root only (CI): a kept command another user owns (one who could have written it) is never run. */
    @Test void aKeptCommandAnotherUserOwnsIsNotRun() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to hand a file to another user");
        same("", "models", "--version");
        Path record;
        try (Stream<Path> kept = Files.list(tmp.resolve("cache/launch"))) {
            record = kept.findFirst().orElseThrow();
        }
        Files.writeString(record, Files.readString(record).replace("WORD dev.jbang", "WORD /tmp/evil dev.jbang"));
        new ProcessBuilder("chown", "65534", record.toString()).start().waitFor();
        Result r = withoutJBangsBuild(launch("trace", "", "models", "--version"));
        assertEquals(new Result(0, "models 0.1.0\n", "[./jbang] fast path: " + record + " is not this user's own\n"), r);
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

    /** Root only (CI): a class-data archive beside JBang's jar that another user owns is neither mapped nor replaced. */
    @Test void aClassDataFileAnotherUserOwnsIsNotMapped() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to hand a file to another user");
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 25, "JDK 25 maps an AOT cache, checked alike");
        same("", "models", "--offline", "--plain");
        Result next = launch("trace", "", "models", "--offline", "--plain");
        Path jsa = Path.of(next.err().substring(next.err().indexOf('=') + 1).strip());
        // JBang's jar cache is this user's own (~/.jbang): the archive is handed back, whatever happens.
        new ProcessBuilder("chown", "65534", jsa.toString()).start().waitFor();
        try {
            Result planted = launch("trace", "", "models", "--offline", "--plain");
            assertTrue(planted.err().startsWith("[./jbang] fast path: a class-data cache there is not this user's own; running without one\n"), planted.err());
            assertEquals(next.out(), planted.out());
        } finally {
            new ProcessBuilder("chown", System.getProperty("user.name"), jsa.toString()).start().waitFor();
        }
    }
}
