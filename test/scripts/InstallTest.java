import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --install} and {@code --uninstall} for real, on the JDK the tests run on (CI: 17 and 25): from ./jbang
 * and from a bundle run with plain java, into a home of the test's own. The installed command gives what
 * ./jbang gives, makes its class-data cache on the first real run (not --help), ignores a foreign one, and
 * --uninstall leaves the home exactly as it was.
 */
@Tag("slow")
class InstallTest {
    @TempDir Path tmp;

    record Result(int status, String out, String err) { }

    Result run(Path dir, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", tmp.resolve("home").toString());
        env.remove("XDG_DATA_HOME");
        env.put("PATH", tmp.resolve("home/.local/bin") + ":" + System.getenv("PATH"));
        env.put("OPENCLAW_JBANG_CACHE", FastPathTest.pinnedJBang().getParent().toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("OPENCLAW_STATE_DIR", tmp.resolve("state").toString());
        env.put("NO_COLOR", "1");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    /** Every file and folder under the test's home, with the size of each file. */
    Map<String, Long> home() throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(tmp.resolve("home"))) {
            for (Path p : s.toList()) files.put(tmp.relativize(p).toString(), Files.isDirectory(p) ? -1
                    : Files.size(p));
        }
        return files;
    }

    String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    @Test void fromTheLauncher() throws Exception {
        Path root = Repo.root();
        checkInstall(root, "hf-models", List.of(root.resolve("jbang").toString(), "models"), List.of());
    }

    @Test void fromABundleWithPlainJava() throws Exception {
        Path dist = tmp.resolve("dist");
        Process p = new ProcessBuilder(Repo.root().resolve("jbang").toString(), ".ci/bundle.java",
                dist.toString()).directory(Repo.root().toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        // The bundle's first run compiles its program into ~/.cache (the bundle's, not --install's): made before.
        assertEquals(new Result(0, "models 0.1.0\n", ""), run(dist, java(), "models.java", "--version"));
        checkInstall(dist, "hfm", List.of(java(), "models.java"), List.of("--name", "hfm"));
    }

    @Test void chatAndOnboardInstallToo() throws Exception {
        Files.createDirectories(tmp.resolve("home/.local/bin"));
        for (String script : List.of("chat", "onboard")) {
            Result installed = run(Repo.root(), Repo.root().resolve("jbang").toString(), script, "--install");
            assertEquals(0, installed.status(), installed.toString());
            assertEquals(new Result(0, script + " 0.1.0\n", ""), run(tmp, tmp.resolve("home/.local/bin/hf-"
                    + script).toString(), "--version"));
            assertEquals(new Result(0, "removed " + tmp.resolve("home/.local/bin/hf-" + script) + "\nremoved "
                    + tmp.resolve("home/.local/share/openclaw-hf/0.1.0/hf-" + script + ".jar")
                    + " and its class-data caches\n", ""), run(tmp, tmp.resolve("home/.local/bin/hf-"
                            + script).toString(), "--uninstall"));
        }
    }

    void checkInstall(Path from, String name, List<String> launch, List<String> options) throws Exception {
        // A home as a desktop has it: the XDG folders are there already, and --uninstall leaves them.
        Files.createDirectories(tmp.resolve("home/.local/bin"));
        Files.createDirectories(tmp.resolve("home/.local/share"));
        Map<String, Long> before = home();
        Path command = tmp.resolve("home/.local/bin/" + name);
        Path folder = tmp.resolve("home/.local/share/openclaw-hf/0.1.0");
        List<String> install = new ArrayList<>(launch);
        install.add("--install");
        install.addAll(options);
        Result installed = run(from, install.toArray(String[]::new));
        assertEquals(new Result(0, "installed " + name + " (models 0.1.0): " + command + "\n  it runs " + java()
                + " with " + folder.resolve(name + ".jar") + "\n  "
                + command.getParent() + " is on your PATH: try '" + name + " --help'\n", ""),
                        withoutJBangsBuild(installed));
        List<String> offline = new ArrayList<>(launch);
        offline.addAll(List.of("--offline", "--plain"));
        Result expected = withoutJBangsBuild(run(from, offline.toArray(String[]::new)));
        assertEquals(0, expected.status(), expected.toString());

        assertEquals(new Result(0, "models 0.1.0\n", ""), run(tmp, command.toString(), "--version"));
        assertEquals(List.of(name + ".jar"), files(folder), "--version makes no cache");
        assertEquals(expected, run(tmp, command.toString(), "--offline", "--plain"), "the first real run");
        Path cache = waitForCache(folder, name);
        assertEquals(expected, run(tmp, command.toString(), "--offline", "--plain"), "a run with the cache");
        Files.writeString(cache, "not a cache");
        assertEquals(expected, run(tmp, command.toString(), "--offline", "--plain"),
                "a foreign cache is ignored, silently");

        // Installing again replaces the program and forgets its caches.
        assertEquals(installed.status(), withoutJBangsBuild(run(from, install.toArray(String[]::new))).status());
        assertEquals(List.of(name + ".jar"), files(folder));

        assertEquals(new Result(0, "removed " + command + "\nremoved " + folder.resolve(name + ".jar")
                + " and its class-data caches\n", ""), run(tmp, command.toString(), "--uninstall"));
        assertEquals(before, home(), "--uninstall removes exactly what --install wrote");
    }

    /** JDK 17 writes its archive as the run ends; JDK 25 assembles its AOT cache after, in the background. */
    static Path waitForCache(Path folder, String name) throws Exception {
        String runtime = Runtime.version().toString().replaceAll("[^A-Za-z0-9.+_-]", "_");
        Path cache = folder.resolve(name + "-" + runtime + (Runtime.version().feature() >= 25 ? ".aot" : ".jsa"));
        for (long end = System.nanoTime() + 60_000_000_000L; !Files.exists(cache)
                && System.nanoTime() < end; ) Thread.sleep(100);
        assertTrue(Files.exists(cache), "no cache at " + cache + ": " + files(folder));
        for (long end = System.nanoTime() + 60_000_000_000L; files(folder).size() > 2
                && System.nanoTime() < end; ) Thread.sleep(100);
        assertEquals(List.of(cache.getFileName().toString(), name + ".jar"), files(folder),
                "nothing else is left beside them");
        return cache;
    }

    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Result withoutJBangsBuild(Result r) {
        return new Result(r.status(), r.out(),
                r.err().replaceAll("\\[jbang\\] Building jar for [a-z]+\\.java\\.\\.\\.\n", ""));
    }
}
