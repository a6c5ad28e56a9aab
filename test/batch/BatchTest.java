import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chat --batch against the fake router: formats, a line per item, the summary, 429s, 5xx, the cap, resume. */
class BatchTest extends RouterTest {
    static final String QWEN = "Qwen/Qwen3-8B";
    Path in, out;

    @BeforeEach void setUp() {
        t.with("HF_TOKEN", "hf_test_token_abcd1234");
        t.write(t.config(), "{ agents: { defaults: { model: { primary: \"huggingface/" + QWEN + "\" } } } }");
        in = tmp.resolve("in.jsonl");
        out = tmp.resolve("out.jsonl");
    }

    /** A whole answer saying {@code text}, served by nscale, with this usage. */
    static FakeRouter.Answer says(String text, int prompt, int completion) {
        return FakeRouter.Answer.json(200, "{\"object\":\"chat.completion\",\"model\":\"" + QWEN + "\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":"
                + "\"stop\"}],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (prompt + completion) + "}}").header("x-inference-provider", "nscale");
    }

    static FakeRouter.Answer says(String text) { return says(text, 10, 5); }

    /** The prices of the cached list: nscale serves Qwen3-8B at $0.06 in, $0.25 out per 1M tokens. */
    void pricesCached() {
        router.answer("/v1/models", 200, Repo.read("test/fixtures/router-models.json"));
        t.models("--plain");
    }

    /** Run's text with what changes from run to run (durations) made fixed. */
    static String steady(String text) {
        return text.replaceAll("\"durationMs\":\\d+", "\"durationMs\":0").replaceAll("; [0-9.]+ s\\n", "; 0 s\n");
    }

    @Test void eachFormatGivesALineInOrderAndASummary() {
        pricesCached();
        router.prompt("one", says("1")).prompt("two", says("2")).prompt("three", says("3"));
        t.write(in, """
                {"custom_id": "a", "body": {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "one"}], "max_tokens": 9}}
                {"prompt": "two"}

                "three"
                """);
        Run r = t.chat("", "--batch", in.toString(), "--concurrency", "1");
        assertEquals(new Run(0, """
                {"custom_id":"a","line":1,"model":"Qwen/Qwen3-8B","provider":"nscale","answer":"1","usage":{"prompt":10,"completion":5,"total":15},"cost":0.000002,"durationMs":0}
                {"line":2,"model":"Qwen/Qwen3-8B","provider":"nscale","answer":"2","usage":{"prompt":10,"completion":5,"total":15},"cost":0.000002,"durationMs":0}
                {"line":4,"model":"Qwen/Qwen3-8B","provider":"nscale","answer":"3","usage":{"prompt":10,"completion":5,"total":15},"cost":0.000002,"durationMs":0}
                """, "chat: 3 items: 3 answered, 0 failed; $0.000006; 0 s\n"), new Run(r.status(), steady(r.out()),
                steady(r.err())));
        JsonObject first = Json.parse(router.requests.get(1).body()).asObject();
        assertEquals(9, first.longOr("max_tokens", 0));
        assertEquals(false, first.boolOr("stream", true));
    }

    @Test void csvRowsFillTheTemplate() {
        router.prompt("Classify: printer on fire", says("hardware")).prompt("Classify: \"hi\", she said", says("chat"));
        Path csv = tmp.resolve("tickets.csv");
        t.write(csv, "id,text\nT-1,printer on fire\nT-2,\"\"\"hi\"\", she said\"\n");
        Run r = t.chat("", "--batch", csv.toString(), "--template", "Classify: {text}", "--concurrency", "1");
        assertEquals(List.of("T-1 hardware", "T-2 chat"), r.out().lines().map(l -> {
            JsonObject o = Json.parse(l).asObject();
            return o.string("custom_id") + " " + o.string("answer");
        }).toList());
        assertEquals(new Run(1, "", "chat: " + csv + ":1: the template names {body}, and the header has no such "
                + "column (it has id, text)\n"), t.chat("", "--batch", csv.toString(), "--template", "{body}"));
    }

    @Test void aBadLineFailsNamingItsPlaceBeforeAnythingIsSent() {
        t.write(in, "{\"prompt\": \"fine\"}\n{\"prompt\": \"fine\",}\n");
        Run r = t.chat("", "--batch", in.toString());
        assertEquals(1, r.status());
        assertEquals("chat: " + in + ":2:19: invalid character '}'\n", r.err());
        assertTrue(r.err().startsWith("chat: " + in + ":2:"), r.err());
        assertEquals(0, router.chatModels().size(), "nothing was sent");
        t.write(in, "{\"custom_id\": \"x\"}\n");
        assertEquals(new Run(1, "", "chat: " + in + ":1: a line needs \"prompt\" (a string) or \"body\" (an OpenAI "
                + "batch request)\n"), t.chat("", "--batch", in.toString()));
    }

    /** A 429 slows the batch (a backoff, fewer in flight) and the item is asked again, not failed. */
    @Test void aRateLimitSlowsDownInsteadOfFailing() {
        router.prompt("one", FakeRouter.Answer.json(429, "{\"error\":\"slow down\"}"), says("1"));
        router.prompt("two", says("2"));
        t.write(in, "\"one\"\n\"two\"\n");
        Run r = t.chat("", "--batch", in.toString(), "--concurrency", "1", "--retries", "0");
        assertEquals(0, r.status(), r.err());
        // Lines come as items finish: which first depends on when the slowed one is let in again.
        assertEquals(List.of("1", "2"), r.out().lines().map(l -> Json.parse(l).asObject().string("answer")).sorted()
                .toList());
        assertEquals(List.of(Pacer.FIRST_BACKOFF), t.pauses);
        assertEquals("chat: 2 items: 2 answered, 0 failed; $0 (2 without a price); 0 s\n", steady(r.err()));
    }

    @Test void aServerErrorFailsThatItemAloneAndTheRunExitsOne() {
        router.prompt("one", FakeRouter.Answer.json(500, "{\"error\":\"boom\"}"));
        router.prompt("two", says("2"));
        t.write(in, "{\"custom_id\": \"a\", \"prompt\": \"one\"}\n{\"custom_id\": \"b\", \"prompt\": \"two\"}\n");
        Run r = t.chat("", "--batch", in.toString(), "--concurrency", "1", "--retries", "1");
        assertEquals(1, r.status());
        assertEquals("""
                {"custom_id":"a","line":1,"error":"Qwen/Qwen3-8B: 500: server error (router: boom); no model answered (2 attempts)","durationMs":0}
                {"custom_id":"b","line":2,"model":"Qwen/Qwen3-8B","provider":"nscale","answer":"2","usage":{"prompt":10,"completion":5,"total":15},"cost":null,"durationMs":0}
                """, steady(r.out()));
        assertEquals("chat: 2 items: 1 answered, 1 failed; $0 (1 without a price); 0 s\n", steady(r.err()));
    }

    /** --max-cost: each item may cost up to its prompt and --max-tokens at the list's price; spend counts. */
    @Test void theCapStopsBeforeTheItemThatCouldCrossIt() {
        pricesCached();
        router.maybeChat(QWEN, says("x", 1000, 1000));   // $0.00031 an item
        t.write(in, "\"a\"\n\"b\"\n\"c\"\n\"d\"\n\"e\"\n");
        Run r = t.chat("", "--batch", in.toString(), "--concurrency", "1", "--max-tokens", "1000", "--max-cost",
                "0.001");
        assertEquals(1, r.status());
        assertEquals(3, r.out().lines().count());
        assertEquals("""
                chat: stopped before line 4 (line 4): it may cost up to $0.00025, and $0.00093 is spent, over --max-cost $0.001
                chat: 3 items: 3 answered, 0 failed, 2 not asked; $0.00093; 0 s
                """, steady(r.err()));
        assertEquals(3, router.chatModels().size());
    }

    /** --resume skips what --out holds; a line a crash cut is cut off and asked again; each id once in the end. */
    @Test void resumeSkipsTheFinishedAndEveryIdEndsUpOnce() {
        router.maybeChat(QWEN, says("ok"));
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 6; i++) items.append("{\"custom_id\": \"c").append(i).append("\", \"prompt\": \"p")
                .append(i).append("\"}\n");
        t.write(in, items.toString());
        t.write(out, "{\"custom_id\":\"c1\",\"line\":1,\"answer\":\"ok\"}\n{\"custom_id\":\"c3\",\"line\":3,\"answer\":"
                + "\"ok\"}\n{\"custom_id\":\"c4\",\"li");
        assertEquals(new Run(2, "", "chat: --resume reads the --out FILE: give one\nTry 'chat --help' for more "
                + "information.\n"), t.chat("", "--batch", in.toString(), "--resume"));
        assertTrue(t.chat("", "--batch", in.toString(), "--out", out.toString()).err().contains("already holds "
                + "lines: add --resume"));
        Run r = t.chat("", "--batch", in.toString(), "--out", out.toString(), "--resume", "--concurrency", "3");
        assertEquals(0, r.status(), r.err());
        assertEquals("chat: 4 items: 4 answered, 0 failed, 2 done before (--resume); $0 (4 without a price); 0 s\n",
                steady(r.err()));
        List<String> ids = new ArrayList<>();
        for (String line : t.read(out).split("\n")) ids.add(Json.parse(line).asObject().string("custom_id"));
        ids.sort(null);
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6"), ids);
        assertEquals(4, router.chatModels().size());
    }

    @Test void a402StopsDispatching() {
        router.prompt("one", FakeRouter.Answer.json(402, "{\"error\":\"You have depleted your monthly included "
                + "credits.\"}"));
        router.answer("/api/whoami-v2", 200, Repo.read("test/fixtures/whoami-v2_finegrained.json"));
        t.write(in, "\"one\"\n\"two\"\n");
        Run r = t.chat("", "--batch", in.toString(), "--concurrency", "1");
        assertEquals(1, r.status());
        assertEquals(1, router.chatModels().size(), "the second item was not sent");
        assertTrue(steady(r.err()).endsWith("""
                chat: example-user has no way to pay past the included credits (whoami-v2: canPay false, billing \
                prepaid); the included credits renew on 2026-08-01; top up with pre-paid credits at \
                https://huggingface.co/settings/billing, or subscribe to PRO for 20x the included credits
                chat: stopped at a 402: no model answered (1 attempt)
                chat: 1 item: 0 answered, 1 failed, 1 not asked; $0; 0 s
                """), r.err());
    }

    /** Ctrl-C stops dispatching and lets what is in flight finish; exit 130. */
    @Test void ctrlCStopsDispatchingAndWaitsForWhatIsInFlight() {
        router.delayMs = 200;
        router.maybeChat(QWEN, says("ok"));
        t.write(in, "\"a\"\n\"b\"\n\"c\"\n\"d\"\n");
        Run r = t.chatPressing(press -> new Thread(() -> {
            while (router.chatModels().isEmpty()) Thread.onSpinWait();
            press.run();
        }).start(), "", "--batch", in.toString(), "--concurrency", "1");
        assertEquals(130, r.status(), r.err());
        assertEquals(1, r.out().lines().count(), "the one in flight finished");
        assertEquals(1, router.chatModels().size());
        assertEquals("""
                chat: stopping: waiting for the 1 in flight (Ctrl-C again stops at once)
                chat: 1 item: 1 answered, 0 failed, 3 not asked; $0 (1 without a price); 0 s
                """, steady(r.err()));
    }

    /** A token a model repeats never reaches --out whole: the log's redaction holds for the batch's lines. */
    @Test void aTokenInAnAnswerIsRedactedInOut() {
        router.prompt("one", says("hf_Q7mZpX2vR9kLw4nB8tY6cJ3dF5gH1sAe"));
        t.write(in, "\"one\"\n");
        assertEquals(0, t.chat("", "--batch", in.toString(), "--out", out.toString()).status());
        assertEquals("{\"line\":1,\"model\":\"Qwen/Qwen3-8B\",\"provider\":\"nscale\",\"answer\":\"[redacted]\","
                + "\"usage\":{\"prompt\":10,\"completion\":5,\"total\":15},\"cost\":null,\"durationMs\":0}\n",
                steady(t.read(out)));
    }

    @Test void usageErrors() {
        assertEquals(new Run(2, "", "chat: --out goes with --batch\nTry 'chat --help' for more information.\n"),
                t.chat("", "--out", "x", "hi"));
        assertEquals(new Run(2, "", "chat: --plan does not go with --batch\nTry 'chat --help' for more information.\n"),
                t.chat("", "--batch", "x", "--plan"));
        assertEquals(new Run(1, "", "chat: nope.jsonl: no such file or folder\n"), t.chat("", "--batch", "nope.jsonl"));
    }
}
