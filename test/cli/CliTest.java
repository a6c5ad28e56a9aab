import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {
    @Test void suggestsTheClosestOption() { assertEquals("--json", Cli.closest("--jsno", List.of("--json", "--plain", "--offline"))); }

    @Test void suggestsNothingWhenNothingIsClose() { assertNull(Cli.closest("--bogus", List.of("--json", "--plain"))); }

    @Test void suggestionsIgnoreCase() { assertEquals("--help", Cli.closest("--HELP", List.of("--help"))); }

    @Test void flagEqualsValueIsSplit() {
        Cli cli = new Cli("models", "--model=a=b", "x");
        assertEquals("--model", cli.next());
        assertEquals("a=b", cli.value("--model"));
        assertEquals("x", cli.next());
    }

    @Test void missingValue() {
        Run r = Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args, cli -> { cli.next(); cli.value("--model"); return 0; }), "--model");
        assertEquals(new Run(2, "", "models: missing value for --model\nTry 'models --help' for more information.\n"), r);
    }

    @Test void badNumber() {
        Run r = Run.of((out, err, args) -> Cli.run("chat", "usage\n", out, err, args, cli -> { cli.next(); return cli.intValue("--retries", 0); }), "--retries", "-1");
        assertEquals(new Run(2, "", "chat: invalid value for --retries: '-1' (a whole number of at least 0)\nTry 'chat --help' for more information.\n"), r);
    }

    @Test void failureExitsOneWithItsMessageOnly() {
        Run r = Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args, cli -> { throw new Cli.Failure("no network"); }));
        assertEquals(new Run(1, "", "models: no network\n"), r);
    }

    @Test void unexpectedExceptionsExitOneWithoutAStackTrace() {
        Run r = Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args, cli -> { throw new IllegalStateException("boom"); }));
        assertEquals(new Run(1, "", "models: IllegalStateException: boom\n"), r);
    }

    @Test void helpAndVersionAnswerBeforeTheBodyRuns() {
        Cli.Body body = cli -> { throw new Cli.Failure("the body ran"); };
        assertEquals(new Run(0, "usage\n", ""), Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args, body), "list", "--bogus", "--help"));
        assertEquals(new Run(0, "models 0.1.0\n", ""), Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args, body), "--version"));
        assertEquals(new Run(1, "", "models: the body ran\n"), Run.of((out, err, args) -> Cli.run("models", "usage\n", out, err, args, body), "--", "--help"));
    }
}
