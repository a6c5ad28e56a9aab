import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed command's choices, run for real by sh against a stand-in java that says what it was asked to
 * run: which class-data cache each JDK family gets, when it is made, and that --help makes none. (InstallTest,
 * slow, installs for real from ./jbang and from a bundle.) And what --install and --uninstall refuse.
 */
class InstallerTest {
    @TempDir Path tmp;

    /** A JDK folder whose bin/java prints its arguments, one per line, and exits 3. */
    Path fakeJdk(String runtimeVersion) throws Exception {
        Path jdk = tmp.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + runtimeVersion
                + "\"\nJAVA_VERSION=\"x\"\n");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a do printf '%s\\n' \"$a\"; done >> \"" + tmp.resolve("calls.txt")
                + "\"\necho --- >> \"" + tmp.resolve("calls.txt") + "\"\nexit 3\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    /**
     * Runs the command written for JDK {@code feature}; returns the java command lines it ran (and the exit code 3).
     */
    List<String> run(int feature, String... args) throws Exception {
        Path java = fakeJdk(feature + ".0.1+7");
        Path command = tmp.resolve("hf-models");
        Files.writeString(command, Launcher.installed("hf-models", Installer.MARK, new Launcher.Target(java,
                tmp.resolve("v/hf-models.jar"), "models", feature)));
        Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.deleteIfExists(tmp.resolve("calls.txt"));
        List<String> sh = new java.util.ArrayList<>(List.of(command.toString()));
        sh.addAll(List.of(args));
        Process p = new ProcessBuilder(sh).redirectErrorStream(true).start();
        assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(3, p.waitFor(), "the program's exit code passes through");
        // On JDK 25 the cache is assembled by a background java after the recording run: wait for its line.
        Path calls = tmp.resolve("calls.txt");
        for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end; Thread.sleep(20)) {
            String text = Files.readString(calls);
            if (!text.contains("-XX:AOTMode=record") || text.matches("(?s).*-XX:AOTMode=create.*---\n")) break;
        }
        return List.of(Files.readString(calls).replace(tmp.toString(), "T").split("---\n"));
    }

    static final String OPTIONS = "-XX:TieredStopAtLevel=1\n-XX:CICompilerCount=1\n-XX:-UsePerfData\n-Xlog:cds*=off\n";

    @Test void jdk17MakesADynamicArchiveOnTheFirstRealRunAndMapsItAfter() throws Exception {
        assertEquals(List.of(OPTIONS + "-Dopenclaw.installedAs=T/hf-models\n-cp\nT/v/hf-models.jar\nmodels\n--help\n"),
                run(17, "--help"));
        assertEquals(List.of(OPTIONS
                + "-XX:ArchiveClassesAtExit=T/v/hf-models-17.0.1+7.jsa\n-Dopenclaw.installedAs=T/hf-models\n-cp\nT/v/hf-models.jar\nmodels\nlist\n"),
                run(17, "list"));
        Files.createDirectories(tmp.resolve("v"));
        Files.writeString(tmp.resolve("v/hf-models-17.0.1+7.jsa"), "");
        assertEquals(List.of(OPTIONS
                + "-XX:SharedArchiveFile=T/v/hf-models-17.0.1+7.jsa\n-Dopenclaw.installedAs=T/hf-models\n-cp\nT/v/hf-models.jar\nmodels\n--version\n"),
                run(17, "--version"), "an archive there is used by every run");
    }

    @Test void jdk19To24LetTheJvmCreateTheArchive() throws Exception {
        assertEquals(List.of(OPTIONS
                + "-Dopenclaw.installedAs=T/hf-models\n-cp\nT/v/hf-models.jar\nmodels\n--version\n"), run(21,
                        "--version"));
        assertEquals(List.of(OPTIONS
                + "-XX:+AutoCreateSharedArchive\n-XX:SharedArchiveFile=T/v/hf-models-21.0.1+7.jsa\n-Dopenclaw.installedAs=T/hf-models\n-cp\nT/v/hf-models.jar\nmodels\nlist\n"),
                run(21, "list"));
    }

    @Test void jdk25RecordsOnTheFirstRealRunAssemblesInTheBackgroundAndMapsAfter() throws Exception {
        String options = OPTIONS + "-Xlog:aot*=off\n";
        assertEquals(List.of(options + "-Dopenclaw.installedAs=T/hf-models\n-cp\nT/v/hf-models.jar\nmodels\n-h\n"),
                run(25, "-h"));
        List<String> calls = run(25, "list", "--offline");
        String pid = calls.get(0).replaceAll("(?s).*hf-models-25\\.0\\.1\\+7\\.(\\d+)\\.conf.*", "$1");
        assertEquals(List.of(
                options + "-XX:+UnlockDiagnosticVMOptions\n-XX:-DisplayVMOutput\n-XX:AOTMode=record\n-XX:AOTConfiguration=T/v/hf-models-25.0.1+7." + pid + ".conf\n"
                        + "-Dopenclaw.installedAs=T/hf-models\n-cp\nT/v/hf-models.jar\nmodels\nlist\n--offline\n",
                options + "-XX:AOTMode=create\n-XX:AOTConfiguration=T/v/hf-models-25.0.1+7." + pid
                        + ".conf\n-XX:AOTCache=T/v/hf-models-25.0.1+7." + pid + ".aot\n-cp\nT/v/hf-models.jar\n"),
                                calls);
        Files.createDirectories(tmp.resolve("v"));
        Files.writeString(tmp.resolve("v/hf-models-25.0.1+7.aot"), "");
        assertEquals(List.of(options
                + "-XX:AOTCache=T/v/hf-models-25.0.1+7.aot\n-Dopenclaw.installedAs=T/hf-models\n-cp\nT/v/hf-models.jar\nmodels\nlist\n"), run(25, "list"));
    }

    @Test void theCacheIsKeyedByTheJdksExactVersion() throws Exception {
        Files.createDirectories(tmp.resolve("v"));
        Files.writeString(tmp.resolve("v/hf-models-17.0.1+7.jsa"), "");
        Path java = fakeJdk("17.0.2+8");
        Files.writeString(tmp.resolve("hf"), Launcher.installed("hf", Installer.MARK, new Launcher.Target(java,
                tmp.resolve("v/hf.jar"), "models", 17)));
        Process p = new ProcessBuilder("sh", tmp.resolve("hf").toString(), "list").start();
        assertEquals(3, p.waitFor());
        assertTrue(Files.readString(tmp.resolve("calls.txt")).contains("-XX:ArchiveClassesAtExit=" + tmp
                + "/v/hf-17.0.2+8.jsa\n"), "an updated JDK makes its own");
    }

    @Test void aJdkThatIsGoneIsSaid() throws Exception {
        Files.writeString(tmp.resolve("hf"), Launcher.installed("hf", Installer.MARK,
                new Launcher.Target(tmp.resolve("no-jdk/bin/java"), tmp.resolve("v/hf.jar"), "models", 17)));
        Process p = new ProcessBuilder("sh", tmp.resolve("hf").toString(), "list").start();
        assertEquals("hf: " + tmp.resolve("no-jdk/bin/java")
                + " is gone; install again with the JDK you use now (models --install)\n",
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(1, p.waitFor());
    }

    @Test void aFolderThatCannotBeWrittenLeavesNothingBehind() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "");
        Installer installer = new Installer("models", java.util.Map.of("HOME", tmp.resolve("home").toString()),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> installer.run("--install",
                new CommandLine("models", "--dir", file.resolve("bin").toString())));
        assertEquals(false, Files.exists(tmp.resolve("home")),
                "no program was put in place for a command that could not be written");
    }

    @Test void aPathWithAQuoteIsOneWord() {
        assertEquals("'it'\\''s here'", Launcher.quoted("it's here"));
    }

    @Test void refusesToReplaceAFileItDidNotWrite() throws Exception {
        Path mine = tmp.resolve("hf-models");
        Files.writeString(mine, "#!/bin/sh\necho mine\n");
        assertEquals(new Run(1, "", "models: " + mine
                + " exists and was not written by --install; remove it or choose another --name\n"),
                Run.models("--install", "--dir", tmp.toString()));
        assertEquals(new Run(1, "", "models: " + mine + " was not written by --install; left as it is\n"),
                Run.models("--uninstall", "--dir", tmp.toString()));
        assertEquals("#!/bin/sh\necho mine\n", Files.readString(mine));
    }

    @Test void uninstallWithNothingInstalled() {
        assertEquals(new Run(1, "", "models: nothing to uninstall: there is no " + tmp.resolve("hf-chat") + "\n"),
                Run.models("--uninstall", "--dir", tmp.toString(), "--name", "hf-chat"));
    }

    @Test void usageErrors() {
        assertEquals(new Run(2, "",
                "chat: --install takes only --dir DIR and --name NAME, not '--offline'\nTry 'chat --help' for more "
                        + "information.\n"),
                Run.chat("--install", "--offline"));
        assertEquals(new Run(2, "", "models: missing value for --dir\nTry 'models --help' for more information.\n"),
                Run.models("--install", "--dir"));
        assertEquals(new Run(2, "",
                "onboard: invalid value for --name: 'a/b' (letters, digits, '.', '_' and '-', not starting with '-' or "
                        + "'.', at most 64)\nTry 'onboard --help' for more information.\n"),
                Run.onboard("--uninstall", "--name", "a/b"));
    }
}
