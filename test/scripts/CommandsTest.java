import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What every script answers at this stage: --help, --version and unknown options. */
class CommandsTest {
    @Test void helpGoesToStdoutAndExitsZero() {
        for (Run r : new Run[] {Run.models("--help"), Run.onboard("-h"), Run.chat("--help")}) {
            assertEquals(0, r.status());
            assertTrue(r.out().startsWith("Usage: "), r.out());
            assertEquals("", r.err());
        }
    }

    @Test void version() {
        assertEquals(new Run(0, "models 0.1.0\n", ""), Run.models("--version"));
        assertEquals(new Run(0, "onboard 0.1.0\n", ""), Run.onboard("--version"));
        assertEquals(new Run(0, "chat 0.1.0\n", ""), Run.chat("--version"));
    }

    @Test void unknownOptionWithSuggestion() {
        assertEquals(new Run(2, "",
                "models: unknown option --jsn (did you mean --json?)\nTry 'models --help' for more information.\n"),
                        Run.models("--jsn"));
        assertEquals(new Run(2, "",
                "chat: unknown option --verison (did you mean --version?)\nTry 'chat --help' for more information.\n"),
                        Run.chat("--verison"));
    }

    @Test void unknownOptionWithoutSuggestion() {
        assertEquals(new Run(2, "", "onboard: unknown option --x\nTry 'onboard --help' for more information.\n"),
                Run.onboard("--x"));
    }

    @Test void unknownCommand() {
        assertEquals(new Run(2, "",
                "models: unknown command lsit (did you mean list?)\nTry 'models --help' for more information.\n"),
                        Run.models("lsit"));
    }

    /** Every way to misuse the command line exits 2 with one line and the hint, whatever the subcommand. */
    @Test void aUsageErrorIsExitTwoInEverySubcommand() {
        String[][] misuses = {
                {"list", "--bogus"}, {"show"}, {"show", "a/b", "--bogus"}, {"set"}, {"set", "a/b", "c/d"}, {"fallbacks",
                        "add"},
                {"fallbacks", "remove"}, {"fallbacks", "bogus"}, {"aliases", "add", "x"}, {"aliases", "remove"},
                        {"status", "--bogus"},
                {"--json", "--plain"}, {"--timeout", "zero"}, {"bogus"},
        };
        for (String[] args : misuses) {
            Run r = Run.models(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().endsWith("\nTry 'models --help' for more information.\n")
                    && r.err().lines().count() == 2, r.err());
        }
        for (Run r : new Run[] {Run.chat("--temperature", "3"), Run.chat("--bogus"), Run.onboard("--mode", "remote"),
                Run.onboard("--bogus")}) {
            assertEquals(2, r.status(), r.err());
        }
    }
}
