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
        assertEquals(new Run(2, "", "models: unknown option --jsn (did you mean --json?)\nTry 'models --help' for more information.\n"), Run.models("--jsn"));
        assertEquals(new Run(2, "", "chat: unknown option --verison (did you mean --version?)\nTry 'chat --help' for more information.\n"), Run.chat("--verison"));
    }

    @Test void unknownOptionWithoutSuggestion() {
        assertEquals(new Run(2, "", "onboard: unknown option --x\nTry 'onboard --help' for more information.\n"), Run.onboard("--x"));
    }

    @Test void unknownCommand() {
        assertEquals(new Run(2, "", "models: unknown command lsit (did you mean list?)\nTry 'models --help' for more information.\n"), Run.models("lsit"));
    }
}
