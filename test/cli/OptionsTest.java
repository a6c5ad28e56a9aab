import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One option table per command: it is what parsing takes, what --help lists, and what a typo is matched against. */
class OptionsTest {
    @TempDir Path tmp;

    /** A value each kind of option takes, so that every option can be given once. */
    static final Map<String, String> VALUES = Map.ofEntries(Map.entry("MODEL", "deepseek-ai/DeepSeek-R1"),
            Map.entry("REF", "deepseek-ai/DeepSeek-R1"),
            Map.entry("S", "1"), Map.entry("USD", "0.05"), Map.entry("N", "1"), Map.entry("T", "1"), Map.entry("TEXT", "x"), Map.entry("NAME",
                    "together"), Map.entry("ID", "x"),
            Map.entry("FILE|JSON", "{}"), Map.entry("F|URL", "https://example.com/a.png"), Map.entry("ORG", "acme"),
                    Map.entry("KEY", "hf_abcdefghijklmnop"), Map.entry("FILE|-", "-"), Map.entry("FILE", "out.jsonl"),
            Map.entry("PATH", "./no-such-tool"), Map.entry("DIR", "no-such-dir"), Map.entry("CMD", "no-such-server"),
            Map.entry("URL", "https://example.com/mcp"), Map.entry("TOOL", "echo"),
            Map.entry("MODE", "local"), Map.entry("CHOICE", "huggingface-api-key"));

    record Command(String name, Options table, Function<TestEnv, Function<String[], Run>> run, List<String> before,
            List<String> after) { }

    static List<Command> commands() {
        return List.of(
                new Command("models list", ListCommands.LIST, t -> t::models, List.of("list", "--offline"), List.of()),
                new Command("models show", ListCommands.SHOW, t -> t::models, List.of("show",
                        "deepseek-ai/DeepSeek-R1"), List.of()),
                new Command("models status", StatusCommand.OPTIONS, t -> t::models, List.of("status"), List.of()),
                new Command("models set", ConfigCommands.OPTIONS, t -> t::models, List.of("set",
                        "deepseek-ai/DeepSeek-R1"), List.of()),
                new Command("chat", ChatCommand.OPTIONS, t -> a -> t.chat("", a), List.of(), List.of("hi")),
                new Command("chat logs", ChatLogs.OPTIONS, t -> a -> t.chat("", a), List.of("logs"), List.of()),
                new Command("onboard", OnboardCommand.OPTIONS, t -> a -> t.onboard("", a),
                        List.of("--non-interactive", "--skip-validation", "--huggingface-api-key",
                                "hf_abcdefghijklmnop"), List.of()));
    }

    @Test void everyOptionOfEveryCommandIsInItsHelp() {
        TestEnv t = new TestEnv(tmp);
        for (Command c : commands()) {
            String help = c.run().apply(t).apply(new String[] {"--help"}).out();
            for (Options.Option o : c.table().all()) {
                String label = (o.shortName() == null ? "" : o.shortName() + ", ") + o.name() + (o.value() == null ? ""
                        : " " + o.value());
                assertTrue(help.contains("  " + label + " "), c.name() + " --help lacks " + label + ":\n" + help);
            }
        }
    }

    @Test void everyOptionOfEveryTableIsTakenByItsParser() {
        for (Command c : commands()) {
            for (Options.Option o : c.table().all()) {
                TestEnv t = new TestEnv(tmp.resolve(c.name().replace(' ', '-') + o.name())).with("HF_TOKEN",
                        "hf_abcdefghijklmnop").with("HF_ROUTER_URL", "http://127.0.0.1:9/v1");
                for (String form : o.shortName() == null ? List.of(o.name()) : List.of(o.name(), o.shortName())) {
                    List<String> args = new ArrayList<>(c.before());
                    args.add(form);
                    if (o.value() != null) args.add(VALUES.get(o.value()));
                    args.addAll(c.after());
                    Run r = c.run().apply(t).apply(args.toArray(new String[0]));
                    assertTrue(!r.err().contains("unknown option") && !r.err().contains("IllegalStateException")
                            && !r.err().contains("missing value"),
                            c.name() + " " + String.join(" ", args) + ":\n" + r.err());
                }
            }
        }
    }

    @Test void aTypoIsMatchedAgainstTheSameTable() {
        TestEnv t = new TestEnv(tmp);
        assertEquals("models: unknown option --jsn (did you mean --json?)",
                t.models("--jsn").err().lines().findFirst().orElseThrow());
        assertEquals("models: unknown option --chek (did you mean --check?)", t.models("status",
                "--chek").err().lines().findFirst().orElseThrow());
        assertEquals("models: unknown option --forse (did you mean --force?)", t.models("set",
                "deepseek-ai/DeepSeek-R1", "--forse").err().lines().findFirst().orElseThrow());
        assertEquals("chat: unknown option --max-token (did you mean --max-tokens?)", t.chat("", "--max-token", "5",
                "hi").err().lines().findFirst().orElseThrow());
        assertEquals("chat: unknown option --qery (did you mean --query?)", t.chat("", "logs", "--qery",
                "x").err().lines().findFirst().orElseThrow());
        assertEquals("onboard: unknown option --forse (did you mean --force?)", t.onboard("",
                "--forse").err().lines().findFirst().orElseThrow());
    }

    @Test void twoOptionsThatGoOneAtATimeAreRefusedInOneWording() {
        TestEnv t = new TestEnv(tmp);
        assertEquals(new Run(2, "",
                "chat: --fallback and --no-fallback cannot be used together\nTry 'chat --help' for more "
                        + "information.\n"),
                t.chat("", "--fallback", "a/b", "--no-fallback", "hi"));
        assertEquals("chat: --json and --extract cannot be used together", t.chat("", "--json", "-x",
                "hi").err().lines().findFirst().orElseThrow());
        assertEquals("chat: --continue and --cid cannot be used together", t.chat("", "-c", "--cid", "x",
                "hi").err().lines().findFirst().orElseThrow());
        assertEquals("models: --offline and --refresh cannot be used together", t.models("show", "a/b", "--offline",
                "--refresh").err().lines().findFirst().orElseThrow());
    }
}
