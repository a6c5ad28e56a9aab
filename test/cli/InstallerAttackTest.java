import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --install and --uninstall as an attacker tries them: names that would inject, wrappers edited, links, umask 000. */
class InstallerAttackTest {
    @TempDir Path tmp;

    /** Runs {@code --install} or {@code --uninstall} of models with this home; what it printed. */
    String installer(String action, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "PATH", "/usr/bin:/bin");
        new Installer("models", env, new PrintStream(out, true, StandardCharsets.UTF_8)).run(action,
                new CommandLine("models", args));
        return out.toString(StandardCharsets.UTF_8).replace(tmp.toString(), "T");
    }

    Path bin() { return tmp.resolve("bin"); }

    Path jar() { return tmp.resolve("home/.local/share/openclaw-hf/" + Cli.VERSION + "/hf-models.jar"); }

    @Test void aNameThatCouldInjectIntoTheCommandIsRefused() throws Exception {
        for (String name : List.of("x\nrm -rf ~", "$(touch pwned)", "a\"b", "-rf", ".hidden", "a b", "a/b",
                "x".repeat(65))) {
            Run r = Run.models("--install", "--dir", tmp.toString(), "--name", name);
            String shown = Printable.line(name.length() > 64 ? name.substring(0, 64) + "\u2026" : name);
            assertEquals(new Run(2, "", "models: invalid value for --name: '" + shown
                    + "' (letters, digits, '.', '_' and '-', not starting with '-' or '.', at most 64)\nTry 'models "
                            + "--help' for more information.\n"), r);
        }
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test void everyInstalledCommandPassesShN() throws Exception {
        installer("--install", "--dir", bin().toString(), "--name", "hf.models_2-x");
        Process sh = new ProcessBuilder("sh", "-n",
                bin().resolve("hf.models_2-x").toString()).redirectErrorStream(true).start();
        assertEquals("", new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, sh.waitFor());
    }

    @Test void aWrapperEditedToPointElsewhereRemovesNothing() throws Exception {
        installer("--install", "--dir", bin().toString());
        Path victim = Files.writeString(tmp.resolve("openclaw.json"), "{ precious: true }\n");
        Path command = bin().resolve("hf-models");
        Files.writeString(command, Files.readString(command).replaceAll("(?m)^jar=.*$", "jar='" + victim + "'"));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Cli.Failure.class, () -> installer("--uninstall",
                "--dir", bin().toString()));
        assertEquals(command
                + " was changed since --install wrote it; left as it is (remove it yourself if you are sure)",
                        e.getMessage());
        assertEquals("{ precious: true }\n", Files.readString(victim));
        assertTrue(Files.exists(command) && Files.exists(jar()));
    }

    @Test void aMarkedFileInstallDidNotWriteIsNotRemoved() throws Exception {
        Files.createDirectories(bin());
        Path victim = Files.writeString(tmp.resolve("openclaw.json"), "{}\n");
        Files.writeString(bin().resolve("hf-models"), "#!/bin/sh\n" + Installer.MARK + "\njar='" + victim + "'\n");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Cli.Failure.class, () -> installer("--uninstall",
                "--dir", bin().toString()));
        assertEquals(bin().resolve("hf-models") + " is not in the record --install keeps ("
                + tmp.resolve("home/.local/share/openclaw-hf/installed.json")
                + "), so nothing is removed on its word; run --install again, then --uninstall", e.getMessage());
        assertEquals("{}\n", Files.readString(victim));
    }

    @Test void throughALinkTheCommandGoesAndTheLinkStays() throws Exception {
        installer("--install", "--dir", bin().toString());
        Path link = Files.createSymbolicLink(tmp.resolve("hf"), bin().resolve("hf-models"));
        assertEquals("removed T/bin/hf-models\nremoved " + jar().toString().replace(tmp.toString(), "T")
                + " and its class-data caches\n"
                + "  the link T/hf to it is left as it is\n", installer("--uninstall", "--dir", tmp.toString(),
                        "--name", "hf"));
        assertFalse(Files.exists(bin().resolve("hf-models")) || Files.exists(jar()));
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(tmp.resolve("home/.local/share/openclaw-hf")),
                "the record and its folder go with the last command");
    }

    @Test void uninstallingHfLeavesHf2sCache() throws Exception {
        installer("--install", "--dir", bin().toString(), "--name", "hf");
        installer("--install", "--dir", bin().toString(), "--name", "hf-2");
        Path folder = jar().getParent();
        Path mine = Files.writeString(folder.resolve("hf-25.0.3+9-LTS.aot"), ""),
                theirs = Files.writeString(folder.resolve("hf-2-25.0.3+9-LTS.aot"), "");
        installer("--uninstall", "--dir", bin().toString(), "--name", "hf");
        assertFalse(Files.exists(mine));
        assertTrue(Files.exists(theirs) && Files.exists(folder.resolve("hf-2.jar"))
                && Files.exists(bin().resolve("hf-2")));
    }

    /** Runs {@code Main ARGS} in a JVM of its own under umask 000, with this home; exits 0. */
    void underUmask000(Map<String, String> vars, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", "umask 000; exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), "Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("said.txt").toFile())
                .redirectInput(new java.io.File("/dev/null"));
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().remove("XDG_DATA_HOME");
        pb.environment().remove("OPENCLAW_STATE_DIR");
        pb.environment().putAll(vars);
        assertEquals(0, pb.start().waitFor(), Files.readString(tmp.resolve("said.txt")));
    }

    static String mode(Path p) throws Exception { return PosixFilePermissions.toString(Files.getPosixFilePermissions(p,
            java.nio.file.LinkOption.NOFOLLOW_LINKS)); }

    @Test void underUmask000WhatInstallWritesIsTheUsersAlone() throws Exception {
        underUmask000(Map.of(), "models", "--install", "--dir", bin().toString());
        Path data = tmp.resolve("home/.local/share");
        assertEquals(List.of("rwx------", "rwxr-xr-x", "rwx------", "rwx------", "rw-------", "rw-------"),
                List.of(mode(bin()), mode(bin().resolve("hf-models")), mode(data.resolve("openclaw-hf")),
                        mode(jar().getParent()), mode(jar()),
                        mode(data.resolve("openclaw-hf/installed.json"))));
    }

    @Test void underUmask000AFirstChatsStateFolderIsTheUsersAlone() throws Exception {
        try (FakeRouter router = new FakeRouter()) {
            router.chat("deepseek-ai/DeepSeek-R1", FakeRouter.Answer.sse(ChatStreams.content("Hi.")
                    + ChatStreams.chunk("{}", "stop") + ChatStreams.DONE));
            underUmask000(Map.of("HF_ROUTER_URL", router.baseUrl(), "HF_TOKEN", "hf_umaskTestToken0123456789"), "chat",
                    "hi");
        }
        Path state = tmp.resolve("home/.openclaw");
        assertEquals(List.of("rwx------", "rwx------", "rw-------"),
                List.of(mode(state), mode(state.resolve("huggingface")),
                        mode(state.resolve("huggingface/chat-log.jsonl"))));
    }
    @Test void aFifoWhereTheCommandWouldGoIsRefusedUnread() throws Exception {
        Files.createDirectories(bin());
        assertEquals(0, new ProcessBuilder("mkfifo", bin().resolve("hf-models").toString()).start().waitFor());
        assertEquals(new Run(1, "", "models: " + bin().resolve("hf-models")
                + " exists and was not written by --install; remove it or choose another --name\n"),
                Run.models("--install", "--dir", bin().toString()));
        assertEquals(new Run(1, "", "models: " + bin().resolve("hf-models")
                + " was not written by --install; left as it is\n"),
                Run.models("--uninstall", "--dir", bin().toString()));
    }
}
