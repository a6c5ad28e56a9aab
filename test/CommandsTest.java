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

    @Test void modelsListsTheBuiltInCatalog() {
        Run r = Run.models();
        assertEquals(0, r.status());
        String[] lines = r.out().split("\n");
        assertEquals("MODEL                                          NAME                     CTX  IN $/M  OUT $/M  TAGS", lines[0]);
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1            DeepSeek R1             128k    3.00     7.00  reasoning", lines[1]);
        assertEquals("huggingface/moonshotai/Kimi-K2.5               Kimi K2.5               256k    0.60     3.00  reasoning vision", lines[11]);
        assertEquals(12, lines.length);
        assertEquals("models: 11 models from the built-in catalog (updated 2026-11-21)\n", r.err());
    }

    @Test void modelsPlain() {
        Run r = Run.models("list", "--plain");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("huggingface/deepseek-ai/DeepSeek-R1\nhuggingface/deepseek-ai/DeepSeek-V3.2\n"), r.out());
        assertEquals("", r.err());
    }

    @Test void modelsJson() {
        Run r = Run.models("--json");
        JsonValue.JsonObject o = Json.parse(r.out()).asObject();
        assertEquals(11, o.get("count").asNumber().longValue());
        assertEquals("built-in", o.get("source").asString());
        JsonValue first = o.get("models").asArray().get(0);
        assertEquals(Json.parse("""
                {"ref":"huggingface/deepseek-ai/DeepSeek-R1","id":"deepseek-ai/DeepSeek-R1","name":"DeepSeek R1",
                 "contextWindow":131072,"maxTokens":8192,"reasoning":true,"input":["text"],
                 "cost":{"input":3,"output":7},"tags":["reasoning"]}"""), first);
    }

    @Test void onboardAndChatSayTheyAreNotBuiltYet() {
        assertEquals(new Run(1, "", "onboard: setup is not built yet in 0.1.0; see 'onboard --help'\n"), Run.onboard());
        assertEquals(new Run(1, "", "chat: chat is not built yet in 0.1.0; see 'chat --help'\n"), Run.chat());
    }
}
