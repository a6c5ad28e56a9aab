import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chat, one question: every recorded stream replayed by the fake router, the request it sends, its output. */
class ChatTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1";

    @BeforeEach void setUp() throws Exception {
        t.with("HF_TOKEN", "hf_test_token_abcd");
    }

    static FakeRouter.Answer recorded(String name, String provider) {
        return FakeRouter.Answer.sse(Repo.read("test/fixtures/chat/" + name)).header("x-inference-provider", provider);
    }

    @Test void together() {
        router.chat(R1, recorded("stream_together.sse", "together"));
        assertEquals(new Run(0,
                "Deep learning is a subfield of machine learning that involves the use of artificial neural networks "
                        + "to model and\n",
                "chat: deepseek-ai/DeepSeek-R1 via together · 26 in + 20 out tokens · cut at the token limit\n"),
                        t.chat("", "What is deep learning?"));
    }

    @Test void cerebrasEndsWithoutDoneButSaysHowItFinished() {
        router.chat(R1, recorded("stream_cerebras.sse", "cerebras"));
        assertEquals(new Run(0,
                "Deep learning is a subset of machine learning, which is a field of artificial intelligence (AI) "
                        + "that\n",
                "chat: deepseek-ai/DeepSeek-R1 via cerebras · 46 in + 20 out tokens · cut at the token limit\n"),
                        t.chat("", "hi"));
    }

    @Test void fireworksUsageOnTheLastChunk() {
        router.chat(R1, recorded("stream_fireworks-ai.sse", "fireworks-ai"));
        Run r = t.chat("", "hi");
        assertEquals("**Deep Learning Overview**\n==========================\n\nDeep learning is a subset of machine "
                + "learning that uses artificial neural\n", r.out());
        assertEquals("chat: deepseek-ai/DeepSeek-R1 via fireworks-ai · 46 in + 20 out tokens · cut at the token "
                + "limit\n", r.err());
    }

    @Test void hfInferenceEmptyIdsAndNoUsage() {
        router.chat(R1, recorded("stream_hf-inference.sse", "hf-inference"));
        assertEquals(new Run(0,
                "Deep learning is a subset of machine learning that involves the use of artificial neural networks "
                        + "(ANNs)\n",
                "chat: deepseek-ai/DeepSeek-R1 via hf-inference · cut at the token limit\n"), t.chat("", "hi"));
    }

    @Test void novitaExtraFieldsOnEveryChunk() {
        router.chat(R1, recorded("stream_novita.sse", "novita"));
        assertEquals(new Run(0,
                "Deep learning is a subfield of machine learning that focuses on the development of artificial neural "
                        + "networks with multiple\n",
                "chat: deepseek-ai/DeepSeek-R1 via novita · 46 in + 20 out tokens · cut at the token limit\n"),
                        t.chat("", "hi"));
    }

    @Test void noStreamGetsTheWholeAnswer() {
        router.chat(R1, FakeRouter.Answer.json(200,
                Repo.read("test/fixtures/chat/nostream_together.json")).header("x-inference-provider", "together"));
        Run r = t.chat("", "--no-stream", "What is deep learning?");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Deep learning is a subfield of machine learning that involves the use of "
                + "artificial neural networks "), r.out());
        assertTrue(r.out().endsWith("computer vision, natural language processing, and robotics.\n"), r.out());
        assertEquals("chat: deepseek-ai/DeepSeek-R1 via together · 26 in + 597 out tokens\n", r.err());
        assertEquals(Json.parse("false"), Json.parse(router.requests.get(0).body()).asObject().get("stream"));
    }

    @Test void theRequest() {
        router.chat("Qwen/Qwen3-8B:cheapest", recorded("stream_together.sse", "together"));
        t.chat("", "-m", "huggingface/Qwen/Qwen3-8B:cheapest", "-s", "Be brief.", "--temperature", "0.2",
                "--max-tokens", "20", "What", "is", "it?");
        FakeRouter.Request sent = router.requests.get(0);
        assertEquals("POST /v1/chat/completions Bearer hf_test_token_abcd", sent.method() + " " + sent.path() + " "
                + sent.authorization());
        assertEquals(Json.parse("""
                {"model":"Qwen/Qwen3-8B:cheapest","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"What is it?"}],
                 "stream":true,"stream_options":{"include_usage":true},"temperature":0.2,"max_tokens":20}"""), Json.parse(sent.body()));
    }

    @Test void thePromptFromStdin() {
        router.chat(R1, recorded("stream_together.sse", "together"));
        assertEquals(0, t.chat("a question\nin two lines\n").status());
        // The newline that ends the piped text is not part of the question.
        assertEquals("a question\nin two lines",
                Json.parse(router.requests.get(0).body()).asObject().get("messages").asArray().get(0).asObject().get("content").asString());
    }

    @Test void onATerminalASpinnerShowsUntilTheFirstTokenThenIsWipedAway() {
        router.chat(R1, recorded("stream_together.sse", "together"));
        Run r = Run.of((out, err, a) -> new ChatCommand(t.env(), new Term(true, 80, false, true),
                new java.io.ByteArrayInputStream(new byte[0]), out, err,
                t.pauses::add, new java.util.Random()).run(a), "hello");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().startsWith("\r| waiting for the answer\u2026"), r.err());
        int wiped = r.err().indexOf("\r\u001b[K");
        assertTrue(wiped > 0 && wiped < r.err().indexOf("chat: deepseek-ai/DeepSeek-R1 via together"), r.err());
        assertFalse(r.out().contains("waiting"), "stdout carries the answer only");
    }

    @Test void nothingToSend() {
        assertEquals(new Run(2, "",
                "chat: nothing to send: give a prompt, or pipe text in\nTry 'chat --help' for more information.\n"),
                        t.chat(" \n"));
        assertEquals(List.of(), router.requests);
    }

    @Test void theConfiguredDefaultAndAnAlias() {
        t.write(t.config(), """
                { agents: { defaults: { model: { primary: "huggingface/Qwen/Qwen3-8B" },
                  models: { "huggingface/openai/gpt-oss-120b": { alias: "GPT" } } } } }""");
        router.chat("Qwen/Qwen3-8B", recorded("stream_together.sse", "together"));
        router.chat("openai/gpt-oss-120b", recorded("stream_novita.sse", "novita"));
        t.chat("", "hi");
        t.chat("", "-m", "GPT", "hi");
        assertEquals(List.of("Qwen/Qwen3-8B", "openai/gpt-oss-120b"), router.chatModels());
    }

    @Test void reasoningContentGoesToStderr() {
        router.chat(R1, FakeRouter.Answer.sse(ChatStreams.REASONING_CONTENT).header("x-inference-provider",
                "together"));
        assertEquals(new Run(0, "The answer is 4.\n",
                "2 plus 2…\nis 4.\nchat: deepseek-ai/DeepSeek-R1 via together · 10 in + 12 out tokens\n"), t.chat("",
                        "2+2?"));
    }

    @Test void reasoningFieldGoesToStderr() {
        router.chat(R1, FakeRouter.Answer.sse(ChatStreams.REASONING).header("x-inference-provider", "groq"));
        assertEquals(new Run(0, "Four.\n", "Adding.\nchat: deepseek-ai/DeepSeek-R1 via groq\n"), t.chat("", "2+2?"));
    }

    @Test void thinkTagsSplitAcrossChunks() {
        router.chat(R1, FakeRouter.Answer.sse(ChatStreams.THINK_TAGS).header("x-inference-provider", "novita"));
        assertEquals(new Run(0, "It is 4.\n", "2 and 2 make 4\nchat: deepseek-ai/DeepSeek-R1 via novita\n"), t.chat("",
                "2+2?"));
    }

    @Test void hideReasoning() {
        router.chat(R1, FakeRouter.Answer.sse(ChatStreams.THINK_TAGS).header("x-inference-provider", "novita"));
        assertEquals(new Run(0, "It is 4.\n", "chat: deepseek-ai/DeepSeek-R1 via novita\n"), t.chat("",
                "--hide-reasoning", "2+2?"));
    }

    @Test void jsonGivesTheFinalAnswer() {
        router.answer("/v1/models", 200, Repo.read("test/fixtures/router-models.json"));
        t.models("--plain");   // fills the cached list, where the prices come from
        router.chat(R1, FakeRouter.Answer.sse(ChatStreams.REASONING_CONTENT).header("x-inference-provider",
                "together"));
        Run r = t.chat("", "--json", "--hide-reasoning", "2+2?");
        assertEquals(Json.parse("""
                {"object":"chat.completion","model":"deepseek-ai/DeepSeek-R1","provider":"together",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"The answer is 4.","reasoning_content":"2 plus 2…\\nis 4."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":12,"total_tokens":22},"cost":0.000114}"""), Json.parse(r.out()));
        assertEquals("chat: deepseek-ai/DeepSeek-R1 via together · 10 in + 12 out tokens · $0.000114\n", r.err());
    }

    @Test void costFromTheProvidersPriceInTheCachedList() {
        router.answer("/v1/models", 200, Repo.read("test/fixtures/router-models.json"));
        t.models("--plain");
        router.chat(R1, recorded("stream_novita.sse", "together"));
        // together lists DeepSeek-R1 at $3 in / $7 out per million: 46 × 3 + 20 × 7 = 278 millionths.
        assertEquals("chat: deepseek-ai/DeepSeek-R1 via together · 46 in + 20 out tokens · $0.000278 · cut at the "
                + "token limit\n", t.chat("", "hi").err());
    }

    @Test void badOptions() {
        assertEquals(new Run(2, "",
                "chat: invalid value for --temperature: '3' (a number from 0 to 2)\nTry 'chat --help' for more "
                        + "information.\n"),
                t.chat("", "--temperature", "3", "hi"));
        assertEquals(new Run(2, "",
                "chat: --model: ':auto' is not a valid suffix: use :fastest, :cheapest, :preferred or :<provider> "
                        + "(e.g. :together)\nTry 'chat --help' for more information.\n"),
                t.chat("", "-m", "a/b:auto", "hi"));
        assertEquals(new Run(2, "",
                "chat: unknown option --no-stram (did you mean --no-stream?)\nTry 'chat --help' for more "
                        + "information.\n"),
                t.chat("", "--no-stram", "hi"));
    }

    @Test void noPausesWhenAllIsWell() {
        router.chat(R1, recorded("stream_together.sse", "together"));
        t.chat("", "hi");
        assertEquals(List.<Duration>of(), t.pauses);
    }

    @Test void helpAsThePromptIsTheHelpAndNothingIsSent() {
        assertEquals(new Run(0, ChatCommand.USAGE, "chat: 'chat help' shows this; to ask a model about help: chat -- help\n"),
                t.chat("", "help"));
        assertEquals(java.util.List.of(), router.requests);
    }
}
