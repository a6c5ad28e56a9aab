import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {
    @Test void suggestsTheClosestOption() { assertEquals("--json", Suggestions.closest("--jsno", List.of("--json",
            "--plain", "--offline"))); }

    @Test void suggestsNothingWhenNothingIsClose() { assertNull(Suggestions.closest("--bogus", List.of("--json",
            "--plain"))); }

    @Test void suggestionsIgnoreCase() { assertEquals("--help", Suggestions.closest("--HELP", List.of("--help"))); }

    @Test void flagEqualsValueIsSplit() {
        CommandLine cli = new CommandLine("models", "--model=a=b", "x");
        assertEquals("--model", cli.next());
        assertEquals("a=b", cli.value("--model"));
        assertEquals("x", cli.next());
    }

    @Test void missingValue() {
        Run r = Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args,
                cli -> { cli.next(); cli.value("--model"); return 0; }), "--model");
        assertEquals(new Run(2, "", "models: missing value for --model\nTry 'models --help' for more information.\n"),
                r);
    }

    @Test void badNumber() {
        Run r = Run.of((out, err, args) -> Cli.run("chat", "usage\n", out, err, args,
                cli -> { cli.next(); return cli.intValue("--retries", 0); }), "--retries", "-1");
        assertEquals(new Run(2, "",
                "chat: invalid value for --retries: '-1' (a whole number of at least 0)\nTry 'chat --help' for more "
                        + "information.\n"), r);
    }

    @Test void failureExitsOneWithItsMessageOnly() {
        Run r = Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args,
                cli -> { throw new Cli.Failure("no network"); }));
        assertEquals(new Run(1, "", "models: no network\n"), r);
    }

    @Test void unexpectedExceptionsExitOneWithoutAStackTrace() {
        Run r = Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args,
                cli -> { throw new IllegalStateException("boom"); }));
        assertEquals(new Run(1, "",
                "models: unexpected internal error: boom (please report it, with the command run)\n"), r);
    }

    @Test void fileErrorsAreSaidInWordsNamingTheFileNeverAJavaClass() {
        String[][] cases = {
            {"no such file", "/proc/nope/hf-models: no such file or folder"},
            {"denied", "/etc/shadow: permission denied"},
            {"exists", "/tmp/x: already exists"},
            {"read-only", "/usr/bin: read-only file system"},
            {"the system's words", "no space left on device"},
            {"bad path", "not a usable path: a\\u0000b"},
        };
        Exception[] thrown = {
            new java.nio.file.NoSuchFileException("/proc/nope/hf-models"),
            new java.nio.file.AccessDeniedException("/etc/shadow"),
            new java.nio.file.FileAlreadyExistsException("/tmp/x"),
            new java.nio.file.FileSystemException("/usr/bin", null, "Read-only file system"),
            new java.io.IOException("No space left on device"),
            new java.nio.file.InvalidPathException("a\u0000b", "Nul character not allowed"),
        };
        for (int i = 0; i < cases.length; i++) {
            Exception e = thrown[i];
            Run r = Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args, cli -> { throw e; }));
            assertEquals(new Run(1, "", "models: " + cases[i][1] + "\n"), r, cases[i][0]);
        }
    }

    @Test void aSecretOneRunHeldIsNotHiddenInAnotherRun() {
        Run first = Run.of((out, err, args) -> Cli.run("chat", "usage\n", out, err, args, cli -> {
            Running.secret("hf_runScopedSecret1");
            throw new Cli.Failure("sent hf_runScopedSecret1");
        }));
        assertEquals(new Run(1, "", "chat: sent [redacted]\n"), first);
        Run second = Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args,
                cli -> { throw new Cli.Failure("hf_runScopedSecret1 is not this run's"); }));
        assertEquals(new Run(1, "", "models: hf_runScopedSecret1 is not this run's\n"), second);
    }

    @Test void warningsAndLinesStartWithTheRunningCommandsName() {
        Run r = Run.of((out, err, args) -> Cli.run("onboard", "usage\n", out, err, args, cli -> {
            Cli.warn(err, "a warning");
            Cli.say(err, "a line");
            return Cli.OK;
        }));
        assertEquals(new Run(0, "", "onboard: warning: a warning\nonboard: a line\n"), r);
    }

    @Test void helpAndVersionAnswerBeforeTheBodyRuns() {
        Cli.Body body = cli -> { throw new Cli.Failure("the body ran"); };
        assertEquals(new Run(0, "usage\n", ""), Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args,
                body), "list", "--bogus", "--help"));
        assertEquals(new Run(0, "models 0.1.0\n", ""), Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err,
                args, body), "--version"));
        assertEquals(new Run(1, "", "models: the body ran\n"), Run.of((out, err, args) -> Cli.run("models", "usage\n",
                out, err, args, body), "--", "--help"));
    }
}
