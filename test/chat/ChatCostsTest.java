import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chat costs: the conversation log's costs summed, the unpriced said as such (never $0), the failed left out. */
class ChatCostsTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1";
    Path log;

    @BeforeEach void setUp() {
        t.with("HF_TOKEN", "hf_test_token_abcd1234");
        log = t.state().resolve("huggingface/chat-log.jsonl");
    }

    /** A logged turn as chat writes it; {@code cost} null: logged without a price. */
    static String turn(String time, String model, String provider, int in, int out, String cost, String outcome) {
        return "{\"cid\":\"c1\",\"turn\":1,\"time\":\"" + time + "\",\"ref\":\"huggingface/" + model + "\",\"model\":"
                + ("ok".equals(outcome) ? "\"" + model + "\"" : "null") + ",\"provider\":"
                + (provider == null ? "null" : "\"" + provider + "\"") + ",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"q\"}],\"usage\":" + ("ok".equals(outcome) ? "{\"prompt\":" + in + ",\"completion\":"
                + out + ",\"total\":" + (in + out) + "}" : "null") + ",\"cost\":" + cost + ",\"outcome\":\""
                + outcome + "\"}\n";
    }

    void logged() {
        t.write(log, turn("2026-12-01T09:00:00Z", R1, "together", 46, 20, "0.000278", "ok")
                + turn("2026-12-01T10:00:00Z", R1, "novita", 100, 50, "0.0005", "ok")
                + turn("2026-12-02T08:00:00Z", "Qwen/Qwen3-8B", "featherless-ai", 10, 10, "null", "ok")
                + "{\"cid\":\"torn\",\"time\":\"2026-12-02T08:30"   // a line a crash cut short: skipped
                + "\n" + turn("2026-12-02T09:00:00Z", "Qwen/Qwen3-8B", null, 0, 0, "null", "failed")
                + turn("2026-12-03T09:00:00Z", "openai/gpt-oss-120b", "cerebras", 5, 5, "0", "ok"));
    }

    @Test void byDayTheUnpricedAreSaidAndTheFailedLeftOut() {
        logged();
        assertEquals(new Run(0, """
                DAY         TURNS  TOKENS IN  TOKENS OUT  COST
                2026-12-01      2        146          70  $0.000778
                2026-12-02      1         10          10  no price listed
                2026-12-03      1          5           5  $0
                total           4        161          85  $0.000778 + 1 turn without a price
                """, "chat: not counted: 1 turn that failed or was interrupted (no usage was reported)\n"),
                t.chat("", "costs"));
    }

    @Test void byModelAndByProviderTheCostliestFirst() {
        logged();
        assertEquals("""
                MODEL                    TURNS  TOKENS IN  TOKENS OUT  COST
                deepseek-ai/DeepSeek-R1      2        146          70  $0.000778
                Qwen/Qwen3-8B                1         10          10  no price listed
                openai/gpt-oss-120b          1          5           5  $0
                total                        4        161          85  $0.000778 + 1 turn without a price
                """, t.chat("", "costs", "--by", "model").out());
        assertEquals("""
                PROVIDER        TURNS  TOKENS IN  TOKENS OUT  COST
                novita              1        100          50  $0.0005
                together            1         46          20  $0.000278
                cerebras            1          5           5  $0
                featherless-ai      1         10          10  no price listed
                total               4        161          85  $0.000778 + 1 turn without a price
                """, t.chat("", "costs", "--by", "provider").out());
    }

    @Test void sinceADayATimeOrAnAge() {
        logged();
        assertEquals("""
                DAY         TURNS  TOKENS IN  TOKENS OUT  COST
                2026-12-02      1         10          10  no price listed
                2026-12-03      1          5           5  $0
                total           2         15          15  $0 + 1 turn without a price
                """, t.chat("", "costs", "--since", "2026-12-02").out());
        assertEquals(t.chat("", "costs", "--since", "2026-12-01T10:00:00Z").out(),
                t.chat("", "costs", "--since", "2026-12-01T10:00").out());
        assertEquals(Instant.parse("2026-12-07T12:00:00Z"), ChatCosts.since("12h", Instant.parse("2026-12-08T00:00:00Z")));
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), ChatCosts.since("7d", Instant.parse("2026-12-08T00:00:00Z")));
        assertEquals(new Run(0, "", "chat: no answered turn since 2030-01-01 (~/.openclaw/huggingface/chat-log.jsonl)\n"),
                t.chat("", "costs", "--since", "2030-01-01"));
    }

    @Test void asJsonTheUnpricedCostIsNullNeverZero() {
        logged();
        assertEquals(Json.parse("""
                {"since":null,"by":"model","groups":[
                 {"model":"deepseek-ai/DeepSeek-R1","turns":2,"priced":2,"unpriced":0,"promptTokens":146,
                  "completionTokens":70,"cost":0.000778},
                 {"model":"Qwen/Qwen3-8B","turns":1,"priced":0,"unpriced":1,"promptTokens":10,"completionTokens":10,
                  "cost":null},
                 {"model":"openai/gpt-oss-120b","turns":1,"priced":1,"unpriced":0,"promptTokens":5,
                  "completionTokens":5,"cost":0}],
                 "total":{"model":"total","turns":4,"priced":3,"unpriced":1,"promptTokens":161,"completionTokens":85,
                  "cost":0.000778},"notCounted":1}"""), Json.parse(t.chat("", "costs", "--by", "model", "--json").out()));
    }

    @Test void badValuesAreUsageErrors() {
        assertEquals(new Run(2, "", "chat: --since: 'last week' is not a day (2026-12-01), a time (2026-12-01T09:00:00Z)"
                + " or an age (7d, 12h)\nTry 'chat --help' for more information.\n"), t.chat("", "costs", "--since",
                "last week"));
        assertEquals(new Run(2, "", "chat: --since: '2026-02-30' is not a day (2026-12-01), a time (2026-12-01T09:00:00Z)"
                + " or an age (7d, 12h)\nTry 'chat --help' for more information.\n"), t.chat("", "costs", "--since",
                "2026-02-30"));
        assertEquals(new Run(2, "", "chat: --by: 'week' is not one of day, model, provider\nTry 'chat --help' for more "
                + "information.\n"), t.chat("", "costs", "--by", "week"));
        assertEquals(new Run(0, "", "chat: nothing logged yet (~/.openclaw/huggingface/chat-log.jsonl)\n"),
                t.chat("", "costs"));
    }

    /** What a chat turn logged is what costs sums: the same figure the turn's own line showed. */
    @Test void aChatTurnsCostIsSummed() {
        router.answer("/v1/models", 200, Repo.read("test/fixtures/router-models.json"));
        t.models("--plain");
        router.chat(R1, FakeRouter.Answer.sse(Repo.read("test/fixtures/chat/stream_novita.sse"))
                .header("x-inference-provider", "together"));
        assertEquals("chat: deepseek-ai/DeepSeek-R1 via together · 46 in + 20 out tokens · $0.000278 · cut at the "
                + "token limit\n", t.chat("", "hi").err());
        String day = Json.parse(t.read(log).strip()).asObject().string("time").substring(0, 10);
        assertEquals("DAY         TURNS  TOKENS IN  TOKENS OUT  COST\n"
                + day + "      1         46          20  $0.000278\n"
                + "total           1         46          20  $0.000278\n", t.chat("", "costs").out());
    }
}
