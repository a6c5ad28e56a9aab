import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./jbang launcher's choices, run for real with bash. The install paths themselves (release zip,
 * Maven Central) are exercised by CI, which starts from an empty HOME.
 */
@Tag("slow")
class LauncherTest {
    @TempDir Path tmp;

    record Result(int status, String out, String err) { }

    Result launcher(Path bin, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", Repo.root().resolve("jbang").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().remove("JBANG_DIR");
        pb.environment().remove("OPENCLAW_JBANG_PINNED");
        pb.environment().put("OPENCLAW_JBANG_CACHE", tmp.resolve("cache").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    /** A bin folder with the few tools the launcher itself needs, and links to {@code extra}. */
    Path bin(String... extra) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("bash", "dirname", "basename", "mktemp", "mkdir", "rm", "cat", "ls", "sed", "mv")) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(dir, tool))
                        && !Files.exists(bin.resolve(tool))) Files.createSymbolicLink(bin.resolve(tool), Path.of(dir,
                                tool));
            }
        }
        return bin;
    }

    void script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test void usesAnInstalledJBangOnThePathAndPassesArgumentsAndExitCodeThrough() throws Exception {
        Path bin = bin();
        script(bin.resolve("jbang"), "printf '[%s]' \"$@\"; echo; echo to-stderr >&2; exit 7\n");
        assertEquals(new Result(7, "[x.java][--json][a b]\n", "to-stderr\n"), launcher(bin, "x.java", "--json", "a b"));
    }

    @Test void ourAliasesWorkFromAnyFolder() throws Exception {
        Path bin = bin();
        script(bin.resolve("jbang"), "printf '[%s]' \"$@\"; echo\n");
        String models = Repo.root().resolve("scripts/models.java").toString();
        assertEquals(new Result(0, "[" + models + "][--plain]\n", ""), launcher(bin, "models", "--plain"));
        assertEquals(new Result(0, "[build][" + models + "]\n", ""), launcher(bin, "build", "models"));
        assertEquals(new Result(0, "[other.java][models]\n", ""), launcher(bin, "other.java", "models"),
                "only the script's place is an alias");
        assertEquals(new Result(0, "[models@openclaw]\n", ""), launcher(bin, "models@openclaw"));
    }

    @Test void usesJBangFromTheUsualJBangHome() throws Exception {
        Path bin = bin();
        script(tmp.resolve("home/.jbang/bin/jbang"), "echo from-jbang-home \"$@\"\n");
        assertEquals(new Result(0, "from-jbang-home version\n", ""), launcher(bin, "version"));
    }

    @Test void saysWhatToInstallWhenNoPathWorks() throws Exception {
        Result r = launcher(bin(), "models");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals("""
                [./jbang] installing JBang 0.127.18 into %s/cache/0.127.18 (once)...
                [./jbang] could not install JBang 0.127.18: no jbang is installed, the official download was not reachable
                [./jbang] and Maven Central could not be used (is 'mvn' installed and online?).
                [./jbang] Install JBang (https://www.jbang.dev/download/) or Apache Maven 3.6+, then run this again.
                """.formatted(tmp), r.err());
        assertEquals(List.of(), Files.list(tmp.resolve("cache")).toList(), "a failed install leaves nothing half-made");
    }
}
