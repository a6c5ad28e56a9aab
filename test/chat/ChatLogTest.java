import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conversation log, -c and --cid, chat logs, and provider stickiness within a conversation. */
class ChatLogTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1";
    static final String TOKEN = "hf_test_token_abcd1234";
    static final FakeRouter.Answer TOGETHER = FakeRouter.Answer.json(200,
            Repo.read("test/fixtures/chat/nostream_together.json"))
            .header("x-inference-provider", "together").header("x-request-id", "req-123");
    Path log;

    @BeforeEach void setUp() throws Exception {
        router.maybeChat(R1, TOGETHER).maybeChat(R1 + ":together", TOGETHER);
        t.with("HF_TOKEN", TOKEN);
        log = t.state().resolve("huggingface/chat-log.jsonl");
    }

    /** Every turn in the log, oldest first. */
    List<JsonObject> turns() throws Exception {
        List<JsonObject> turns = new java.util.ArrayList<>();
        new ChatLog(log).newestFirst(null, turns::add);
        java.util.Collections.reverse(turns);
        return turns;
    }

    /** The answer's text, as the fixture gives it. */
    static String answer() { return Json.parse(Repo.read("test/fixtures/chat/nostream_together.json")).asObject().array("choices").objects().get(0).object("message").string("content"); }

    @Test void eachExchangeIsALineWithWhatHappened() throws Exception {
        assertEquals(0, t.chat("", "--no-stream", "-s", "Be brief.", "What is 2+2?").status());
        JsonObject turn = turns().get(0);
        assertTrue(turn.string("cid").matches("\\d{8}-\\d{6}-[0-9a-f]{4}"), turn.string("cid"));
        assertEquals(1, turn.longOr("turn", 0));
        assertEquals("huggingface/" + R1, turn.string("ref"));
        assertEquals(R1, turn.string("model"));
        assertEquals("together", turn.string("provider"));
        assertEquals("req-123", turn.string("requestId"));
        assertEquals("[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"What is "
                + "2+2?\"}]", Json.write(turn.get("messages")));
        assertEquals(answer(), turn.string("answer"));
        assertEquals("ok", turn.string("outcome"));
        assertTrue(turn.object("usage").longOr("total", 0) > 0);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent())));
    }

    @Test void continueSendsTheEarlierTurnsAgainWithTheSameModel() throws Exception {
        t.chat("", "--no-stream", "-m", "Qwen/Qwen3-8B", "first");
        router.chat("Qwen/Qwen3-8B", TOGETHER).chat("Qwen/Qwen3-8B:together", TOGETHER);
        t.chat("", "--no-stream", "-m", "Qwen/Qwen3-8B", "first");
        assertEquals(0, t.chat("", "--no-stream", "-c", "second").status());
        String sent = router.requests.get(router.requests.size() - 1).body();
        JsonObject body = Json.parse(sent).asObject();
        assertEquals("Qwen/Qwen3-8B:together", body.string("model"), "its model, stuck to the provider that answered");
        assertEquals("[{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"assistant\",\"content\":"
                + Json.write(JsonValue.of(answer()))
                + "},{\"role\":\"user\",\"content\":\"second\"}]", Json.write(body.get("messages")));
        List<JsonObject> turns = turns();
        assertEquals(turns.get(1).string("cid"), turns.get(2).string("cid"));
        assertEquals(2, turns.get(2).longOr("turn", 0));
    }

    @Test void cidContinuesThatConversationAndAnUnknownOneIsRefused() throws Exception {
        t.chat("", "--no-stream", "one");
        String first = turns().get(0).string("cid");
        t.chat("", "--no-stream", "other");
        assertEquals(0, t.chat("", "--no-stream", "--cid", first, "two").status());
        JsonObject body = Json.parse(router.requests.get(2).body()).asObject();
        assertEquals("one", body.array("messages").objects().get(0).string("content"));
        assertEquals(new Run(1, "",
                "chat: no conversation nope in ~/.openclaw/huggingface/chat-log.jsonl (see 'chat logs')\n"),
                t.chat("", "--cid", "nope", "x"));
    }

    @Test void aTornLastLineIsSkippedAndTheNextTurnStartsALineOfItsOwn() throws Exception {
        t.chat("", "--no-stream", "one");
        Files.writeString(log, "{\"cid\":\"torn\",\"turn\":1,\"ans", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, turns().size());
        assertEquals(0, t.chat("", "--no-stream", "-c", "two").status());
        assertEquals(2, turns().size());
        assertEquals(3, Files.readAllLines(log).size());
    }

    @Test void logsListsNewestFirstAndSearches() throws Exception {
        t.chat("", "--no-stream", "What is the capital of France?");
        t.chat("", "--no-stream", "-m", "Qwen/Qwen3-8B", "--retries", "0", "--no-fallback", "Another question");
        List<JsonObject> turns = turns();
        Run logs = t.chat("", "logs");
        String[] lines = logs.out().split("\n");
        assertEquals(2, lines.length, logs.out());
        assertTrue(lines[0].matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  " + turns.get(1).string("cid")
                + "  Qwen/Qwen3-8B  -  failed  -  Another question"), lines[0]);
        assertTrue(lines[1].matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  " + turns.get(0).string("cid") + "  " + R1
                + "  together  \\d+\\+\\d+ tokens  \\S+  What is the capital of France\\?"), lines[1]);
        assertEquals(List.of(lines[1]), t.chat("", "logs", "-q", "FRANCE").out().lines().toList());
        assertEquals(List.of(lines[0]), t.chat("", "logs", "-n", "1").out().lines().toList());
        assertEquals(List.of(lines[1]), t.chat("", "logs", "--cid", turns.get(0).string("cid")).out().lines().toList());
        assertEquals(2, Json.parse(t.chat("", "logs", "--json").out()).asArray().size());
        assertEquals(new Run(0, log + "\n", ""), t.chat("", "logs", "--path"));
    }

    @Test void theConversationSaysItGoesOnAndResetStartsANewOne() throws Exception {
        t.chat("", "--no-stream", "one");
        String cid = turns().get(0).string("cid");
        Run r = t.chatTyping("two\n/reset\nthree\n", "--no-stream", "-c");
        assertTrue(r.err().contains("chat: continuing conversation " + cid + " (1 turn)\n"), r.err());
        List<JsonObject> turns = turns();
        assertEquals(List.of(cid, cid), List.of(turns.get(0).string("cid"), turns.get(1).string("cid")));
        assertTrue(!turns.get(2).string("cid").equals(cid), "after /reset, a conversation of its own");
        assertEquals(1, turns.get(2).longOr("turn", 0));
    }

    @Test void noLogAndTheSwitchWriteNothing() {
        t.chat("", "--no-stream", "--no-log", "one");
        t.with("HF_CHAT_LOG", "off");
        t.chat("", "--no-stream", "two");
        assertFalse(Files.exists(log));
        assertEquals(new Run(0, "", "chat: nothing logged yet (~/.openclaw/huggingface/chat-log.jsonl)\n"), t.chat("",
                "logs"));
    }

    @Test void secretsNeverReachTheLog() throws Exception {
        t.chat("", "--no-stream", "my token is " + TOKEN);
        String text = Files.readString(log);
        assertFalse(text.contains(TOKEN));
        assertTrue(text.contains("my token is [redacted]"));
    }

    @Test void aConversationSticksToItsProviderAndLetsGoWhenItFails() {
        router.chat(R1 + ":together", FakeRouter.Answer.json(503, "{\"error\":\"down\"}"));
        Run r = t.chatTyping("first\nsecond\n", "--no-stream");
        assertEquals(List.of(R1, R1 + ":together", R1), router.chatModels(), "asked once, then the user's own ref");
        assertTrue(r.err().contains("chat: " + R1 + ":together: 503: server error (router: down); trying " + R1 + "\n"),
                r.err());
    }

    @Test void aChosenPolicyOrProviderIsNeverOverridden() {
        router.chat(R1 + ":cheapest", TOGETHER);
        t.chatTyping("first\nsecond\n", "--no-stream", "-m", R1 + ":cheapest");
        assertEquals(List.of(R1 + ":cheapest", R1 + ":cheapest"), router.chatModels());
    }
}
