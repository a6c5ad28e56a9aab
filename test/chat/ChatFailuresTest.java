import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chat when things go wrong: retries, fallbacks, refusals, broken and silent streams. */
class ChatFailuresTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1", QWEN = "Qwen/Qwen3-8B";
    static final FakeRouter.Answer OK = FakeRouter.Answer.sse(ChatStreams.content("Hello.") + ChatStreams.chunk("{}",
            "stop") + ChatStreams.DONE)
            .header("x-inference-provider", "together");
    static final FakeRouter.Answer UNAVAILABLE = FakeRouter.Answer.json(503, "{\"error\":\"Service Unavailable\"}");
    static final FakeRouter.Answer NO_CREDITS = FakeRouter.Answer.json(402,
            Repo.read("test/fixtures/chat/err_402_depleted_credits_2026-08.json"));

    @BeforeEach void setUp() throws Exception {
        t.with("HF_TOKEN", "hf_test_token_abcd");
    }

    @Test void retriesWithBackoffThenAnswers() {
        router.chat(R1, UNAVAILABLE, UNAVAILABLE, OK);
        assertEquals(new Run(0, "Hello.\n", """
                chat: deepseek-ai/DeepSeek-R1: 503: server error (router: Service Unavailable); retrying in 0.75 s (retry 1 of 2)
                chat: deepseek-ai/DeepSeek-R1: 503: server error (router: Service Unavailable); retrying in 1.5 s (retry 2 of 2)
                chat: deepseek-ai/DeepSeek-R1 via together
                """), t.chat("", "hi"));
        assertEquals(List.of(Duration.ofMillis(750), Duration.ofMillis(1500)), t.pauses);
    }

    @Test void retryAfterIsHonoured() {
        router.chat(R1, FakeRouter.Answer.json(429, "{\"error\":\"Too many requests\"}").header("Retry-After", "3"),
                OK);
        Run r = t.chat("", "hi");
        assertEquals("chat: deepseek-ai/DeepSeek-R1: 429: rate limited (router: Too many requests); retrying in 3 s "
                + "(retry 1 of 2)\n"
                + "chat: deepseek-ai/DeepSeek-R1 via together\n", r.err());
        assertEquals(List.of(Duration.ofSeconds(3)), t.pauses);
    }

    @Test void aRetryAfterTooLongMovesOnToTheNextModel() {
        router.chat(R1, FakeRouter.Answer.json(429, "{\"error\":\"Too many requests\"}").header("Retry-After", "3600"));
        router.chat(QWEN, OK);
        assertEquals("chat: deepseek-ai/DeepSeek-R1: 429: rate limited (router: Too many requests) (asks to wait 3600 "
                + "s); trying Qwen/Qwen3-8B\n"
                + "chat: Qwen/Qwen3-8B via together\n", t.chat("", "--fallback", QWEN, "hi").err());
        assertEquals(List.<Duration>of(), t.pauses);
    }

    /**
     * A 402 stops the chain (every model bills the same account), explained in what whoami-v2 says: no payment
     * method, prepaid, when the included credits renew, where to top up.
     */
    @Test void outOfCreditsStopsAndSaysWhoPaysAndWhenCreditsRenew() {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: \"huggingface/" + R1
                + "\", fallbacks: [\"huggingface/" + QWEN + "\"] } } } }");
        router.chat(R1, NO_CREDITS);
        router.answer("/api/whoami-v2", 200, Repo.read("test/fixtures/whoami-v2_finegrained.json"));
        assertEquals(new Run(1, "", """
                chat: deepseek-ai/DeepSeek-R1: 402: your Inference Providers credits are used up; buy pre-paid \
                credits at https://huggingface.co/settings/billing or subscribe to PRO (router: You have depleted \
                your monthly included credits. Purchase pre-paid credits to continue using Inference Providers. \
                Alternatively, subscribe to PRO to get 20x more included credits.)
                chat: example-user has no way to pay past the included credits (whoami-v2: canPay false, billing \
                prepaid); the included credits renew on 2026-08-01; top up with pre-paid credits at \
                https://huggingface.co/settings/billing, or subscribe to PRO for 20x the included credits
                chat: stopped: the fallbacks bill the same account, so none was tried
                """), t.chat("", "hi"));
        assertEquals(List.of(R1), router.chatModels());
        assertEquals("Bearer hf_test_token_abcd", router.requests.get(1).authorization());
    }

    @Test void aPayingAccountIsToldOfItsSpendingLimit() {
        router.chat(R1, NO_CREDITS);
        router.answer("/api/whoami-v2", 200, Repo.read("test/fixtures/whoami-v2_finegrained.json")
                .replace("\"canPay\":false", "\"canPay\":true"));
        assertTrue(t.chat("", "hi").err().endsWith("""
                chat: example-user can pay (whoami-v2: canPay true), so a spending limit was likely reached; the \
                included credits renew on 2026-08-01; see https://huggingface.co/settings/billing
                chat: no model answered (1 attempt)
                """));
    }

    @Test void whenWhoamiCannotBeAskedThe402SaysWhy() {
        router.chat(R1, NO_CREDITS);
        t.with("HF_HUB_OFFLINE", "1");
        assertTrue(t.chat("", "hi").err().endsWith("""
                chat: whoami-v2 could not say more: HF_HUB_OFFLINE=1: the token was not checked
                chat: no model answered (1 attempt)
                """));
    }

    @Test void noFallbackMeansNone() {
        t.write(t.config(), "{ agents: { defaults: { model: { fallbacks: [\"huggingface/" + QWEN + "\"] } } } }");
        router.chat(R1, NO_CREDITS);
        Run r = t.chat("", "--no-fallback", "hi");
        assertEquals(1, r.status());
        assertEquals(List.of(R1), router.chatModels());
        assertTrue(r.err().endsWith("chat: no model answered (1 attempt)\n"), r.err());
    }

    @Test void modelNotSupportedSaysHowToPickAProvider() {
        router.chat(R1, FakeRouter.Answer.json(400,
                Repo.read("test/fixtures/chat/err_invalid_provider_suffix_auto.json")
                .replace("the provider you attempted to explicitly specify 'auto' is not a valid provider.",
                        "The requested model 'deepseek-ai/DeepSeek-R1' is not supported by any provider you have "
                                + "enabled.")));
        assertEquals(new Run(1, "",
                "chat: deepseek-ai/DeepSeek-R1: 400: no provider you have enabled serves this model; enable one at "
                + "https://hf.co/settings/inference-providers or pin one with :<provider> (see 'models show') (router: "
                        + "The requested model "
                + "'deepseek-ai/DeepSeek-R1' is not supported by any provider you have enabled.)\nchat: no model "
                        + "answered (1 attempt)\n"), t.chat("", "hi"));
    }

    @Test void aPlainBadRequestIsNeitherRetriedNorPassedOn() {
        router.chat(R1, FakeRouter.Answer.json(400,
                "{\"error\":{\"message\":\"max_tokens must be at most 8192\",\"type\":\"invalid_request_error\"}}"));
        router.maybeChat(QWEN, OK);   // there, and never asked: no fallback after a plain 400
        assertEquals(new Run(1, "",
                "chat: deepseek-ai/DeepSeek-R1: 400: the request was refused (router: max_tokens must be at most "
                        + "8192)\n"),
                t.chat("", "--fallback", QWEN, "hi"));
        assertEquals(List.of(R1), router.chatModels());
    }

    @Test void a401WithoutATokenSaysNoneWasSent() {
        t.vars.remove("HF_TOKEN");
        router.chat(R1, FakeRouter.Answer.json(401, Repo.read("test/fixtures/chat/401_invalid_token.json")));
        assertEquals(new Run(1, "", """
                chat: deepseek-ai/DeepSeek-R1: 401: no token was sent; set HF_TOKEN or run onboard (router: Invalid username or password.)
                chat: no model answered (1 attempt)
                """), t.chat("", "hi"));
    }

    @Test void everyAttemptFailedOneLineEach() {
        router.chat(R1, UNAVAILABLE);
        router.chat(QWEN, FakeRouter.Answer.json(401, Repo.read("test/fixtures/chat/401_invalid_token.json")));
        assertEquals(new Run(1, "", """
                chat: deepseek-ai/DeepSeek-R1: 503: server error (router: Service Unavailable); retrying in 0.75 s (retry 1 of 1)
                chat: deepseek-ai/DeepSeek-R1: 503: server error (router: Service Unavailable); trying Qwen/Qwen3-8B
                chat: Qwen/Qwen3-8B: 401: token rejected; check the token from environment variable HF_TOKEN, or run onboard (router: Invalid username or password.)
                chat: no model answered (3 attempts)
                """), t.chat("", "--retries", "1", "--fallback", QWEN, "hi"));
    }

    @Test void a401NamesWhereTheTokenCameFrom() {
        t.vars.remove("HF_TOKEN");
        t.with("HUGGINGFACE_HUB_TOKEN", "hf_test_token_abcd");
        router.chat(R1, FakeRouter.Answer.json(401, Repo.read("test/fixtures/chat/401_invalid_token.json")));
        assertEquals("chat: deepseek-ai/DeepSeek-R1: 401: token rejected; check the token from environment variable "
                + "HUGGINGFACE_HUB_TOKEN, or run onboard"
                + " (router: Invalid username or password.)", t.chat("", "--no-fallback",
                        "hi").err().lines().findFirst().orElseThrow());
    }

    @Test void aLocalPermanentErrorIsOneLineAtOnceNotRetriedNorPassedOn() {
        t.with("HF_ROUTER_URL", "not-a-url");
        assertEquals(new Run(1, "",
                "chat: the router URL 'not-a-url' is not an http(s) URL with a host (HF_ROUTER_URL, else the config's "
                        + "baseUrl);"
                + " nothing was sent\n"), t.chat("", "--fallback", QWEN, "hi"));
        t.with("HF_ROUTER_URL", router.baseUrl()).with("HF_TOKEN", "hf_ab\u00e9cdefgh");
        assertEquals(new Run(1, "",
                "chat: the token from environment variable HF_TOKEN (hf_\u2026gh) holds a character no request can "
                        + "carry (U+00E9);"
                + " copy it again, or run onboard; nothing was sent\n"), t.chat("", "--fallback", QWEN, "hi"));
        assertEquals(List.of(), router.requests);
    }

    @Test void aPinnedProviderTheCachedListSaysDoesNotServeIsSaidAsModelsShowSaysIt() {
        t.cacheModelList(Repo.read("test/fixtures/router-models.json"));
        assertEquals(new Run(1, "",
                "chat: ':sambanova' does not serve deepseek-ai/DeepSeek-R1; providers that do: novita, together, "
                        + "featherless-ai;"
                + " nothing was sent\n"), t.chat("", "-m", "deepseek-ai/DeepSeek-R1:sambanova", "hi"));
        assertEquals(List.of(), router.requests);
        router.chat(R1, OK);
        assertEquals("chat: warning: fallback deepseek-ai/DeepSeek-R1:sambanova left out: ':sambanova' does not serve "
                + "deepseek-ai/DeepSeek-R1;"
                + " providers that do: novita, together, featherless-ai", t.chat("", "--fallback",
                        "deepseek-ai/DeepSeek-R1:sambanova", "hi").err().lines().findFirst().orElseThrow());
    }

    @Test void aModelTheCachedListLacksIsAskedAllTheSameWithWhatItMayHaveMeant() {
        t.cacheModelList(Repo.read("test/fixtures/router-models.json"));
        router.chat("deepseek-ai/DeepSeek-R2", FakeRouter.Answer.json(404,
                "{\"error\":{\"message\":\"Model not found\",\"code\":\"model_not_found\"}}"));
        Run r = t.chat("", "-m", "deepseek-ai/DeepSeek-R2", "--no-fallback", "hi");
        assertEquals("chat: warning: deepseek-ai/DeepSeek-R2 is not in the router's list (as cached); did you mean"
                + " huggingface/deepseek-ai/DeepSeek-R1, huggingface/deepseek-ai/DeepSeek-V4-Pro?", r.err().lines().findFirst().orElseThrow());
        assertEquals(1, r.status());
    }

    @Test void requestsNameThisToolkitAsTheirUserAgent() {
        router.chat(R1, OK);
        t.chat("", "hi");
        assertEquals("openclaw-hf/" + Cli.VERSION + " (java " + Runtime.version().feature() + ")",
                router.requests.get(0).header("User-Agent"));
    }

    @Test void unknownModelFallsBack() {
        router.chat(R1, FakeRouter.Answer.json(400,
                Repo.read("test/fixtures/chat/err_400_model_not_found_2026-08.json")));
        router.chat(QWEN, OK);
        assertEquals("chat: deepseek-ai/DeepSeek-R1: 400: no such model (router: The requested model "
                + "'deepseek-ai/DeepSeek-V4' does not exist.); "
                + "trying Qwen/Qwen3-8B\nchat: Qwen/Qwen3-8B via together\n", t.chat("", "--fallback", QWEN,
                        "hi").err());
    }

    @Test void anErrorEventBeforeAnyTextIsRetried() {
        router.chat(R1, FakeRouter.Answer.sse(ChatStreams.ERROR_FIRST), OK);
        assertEquals(new Run(0, "Hello.\n",
                "chat: deepseek-ai/DeepSeek-R1: error in the stream: Model is overloaded; retrying in 0.75 s (retry 1 "
                        + "of 2)\n"
                + "chat: deepseek-ai/DeepSeek-R1 via together\n"), t.chat("", "hi"));
    }

    @Test void anErrorEventAfterTextEndsItKeepingTheText() {
        router.chat(R1, FakeRouter.Answer.sse(ChatStreams.ERROR_AFTER_TEXT));
        router.maybeChat(QWEN, OK);   // there, and never asked: the text was shown
        assertEquals(new Run(1, "Deep learning is\n",
                "chat: deepseek-ai/DeepSeek-R1: error in the stream: Internal error; the answer above is incomplete\n"),
                t.chat("", "--fallback", QWEN, "hi"));
        assertEquals(List.of(R1), router.chatModels());
    }

    @Test void aStreamThatEndsEarly() {
        router.chat(R1, FakeRouter.Answer.sse(ChatStreams.ENDS_EARLY));
        assertEquals(new Run(1, "Deep learning is\n",
                "chat: deepseek-ai/DeepSeek-R1: the stream stopped before the answer was complete; the answer above is "
                        + "incomplete\n"),
                t.chat("", "hi"));
    }

    @Test void aConnectionCutMidStream() {
        router.chat(R1, FakeRouter.Answer.sse(Repo.read("test/fixtures/chat/stream_together.sse")).cutAfter(3));
        Run r = t.chat("", "hi");
        assertEquals(new Run(1, "Deep learning is\n", r.err()), r);
        assertTrue(r.err().startsWith("chat: deepseek-ai/DeepSeek-R1: the connection was cut"), r.err());
        assertTrue(r.err().endsWith("; the answer above is incomplete\n"), r.err());
    }

    @Test void aStreamThatGoesSilent() {
        router.chat(R1, FakeRouter.Answer.sse(Repo.read("test/fixtures/chat/stream_together.sse")).stallAfter(2));
        String port = router.baseUrl().replaceAll(".*:(\\d+)/v1", "$1");
        assertEquals(new Run(1, "Deep learning\n", "chat: deepseek-ai/DeepSeek-R1: 127.0.0.1:" + port
                + " was silent for 0.5 s; the answer above is incomplete\n"),
                t.chat("", "--timeout", "0.5", "hi"));
    }

    @Test void silenceBeforeTheAnswerIsRetried() {
        router.chat(R1, FakeRouter.Answer.json(200, "{}").stallAfter(FakeRouter.Answer.BEFORE_HEAD));
        String port = router.baseUrl().replaceAll(".*:(\\d+)/v1", "$1");
        Run r = t.chat("", "--timeout", "0.3", "--retries", "1", "hi");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("chat: deepseek-ai/DeepSeek-R1: 127.0.0.1:" + port
                + " was silent for 0.3 s; retrying in 0.75 s (retry 1 of 1)\n"), r.err());
    }

    @Test void nothingListening() {
        String url = router.baseUrl();
        router.close();
        Run r = t.chat("", "--retries", "0", "hi");
        assertEquals(new Run(1, "", "chat: deepseek-ai/DeepSeek-R1: cannot connect to " + url.substring(7,
                url.length() - 3) + "\nchat: no model answered (1 attempt)\n"), r);
    }

    @Test void aLongLineOfTheStreamIsReadInOnePass() {
        String big = "x".repeat(1_000_000);
        router.chat(R1, FakeRouter.Answer.sse(ChatStreams.content(big) + ChatStreams.chunk("{}", "stop")
                + ChatStreams.DONE));
        Run r = t.chat("", "hi");
        assertEquals(0, r.status(), r.err());
        assertEquals(big + "\n", r.out());
    }

    @Test void aLineLongerThanAnyEventIsAClearError() {
        router.chat(R1, FakeRouter.Answer.sse("data: " + "y".repeat(5 * 1024 * 1024) + "\n\n"));
        Run r = t.chat("", "--retries", "0", "hi");
        assertEquals(new Run(1, "",
                "chat: deepseek-ai/DeepSeek-R1: a line of the answer is longer than 4 MB\nchat: no model answered (1 "
                        + "attempt)\n"), r);
    }

    @Test void aHugeRetryAfterIsReadAsADayAndTheNextModelIsTried() {
        router.chat(R1, FakeRouter.Answer.json(429, "{}").header("Retry-After", "10000000000000000"));
        router.chat(QWEN, FakeRouter.Answer.json(200, Repo.read("test/fixtures/chat/nostream_together.json")));
        Run r = t.chat("", "--no-stream", "--fallback", QWEN, "hi");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().startsWith("chat: deepseek-ai/DeepSeek-R1: 429: rate limited (asks to wait 86400 s); trying "
                + "Qwen/Qwen3-8B\n"), r.err());
    }

    @Test void aPromptOnStdinLargerThanTheCapIsRefusedWithNothingSent() {
        Run r = t.chat("x".repeat(StdinPrompt.MAX_PROMPT + 1));
        assertEquals(new Run(1, "", "chat: the prompt on stdin is larger than 16 MB; nothing was sent\n"), r);
        assertEquals(List.of(), router.requests);
    }
}
