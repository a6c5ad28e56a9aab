import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The routing planner against one model served by five providers (test/fixtures/plan/models.json), and the requests
 * the router then receives, in order, with the lines on stderr.
 */
class RoutePlanTest extends RouterTest {
    static final String MULTI = "hold/multi", TEXT = "hold/text", OTHER = "hold/other";
    static final FakeRouter.Answer OK = FakeRouter.Answer.json(200, "{\"object\":\"chat.completion\",\"model\":\""
            + MULTI + "\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"a\\\":1}\"},\"finish_reason\":\"stop\"}]}");
    static final FakeRouter.Answer RATE_LIMITED = FakeRouter.Answer.json(429, "{\"error\":\"slow down\"}");
    static final FakeRouter.Answer DOWN = FakeRouter.Answer.json(503, "{\"error\":\"down\"}");
    static final FakeRouter.Answer NOT_SUPPORTED = FakeRouter.Answer.json(400,
            "{\"error\":{\"message\":\"Model hold/multi is not supported by provider p-mid\"}}");

    @org.junit.jupiter.api.BeforeEach void cacheTheList() {
        t.with("HF_TOKEN", "hf_planTestToken0123");
        t.cacheModelList(Repo.read("test/fixtures/plan/models.json"));
    }

    static RoutePlan plan(String model, RoutePlan.Needs needs, boolean reroute) {
        return RoutePlan.of(List.of(ModelRef.parse(model)), needs,
                RouterModel.listFrom(Json.parse(Repo.read("test/fixtures/plan/models.json"))),
                reroute);
    }

    static List<String> tried(RoutePlan plan) {
        return plan.attempts.stream().map(a -> a.ref().routerId()).toList();
    }

    static RoutePlan.Needs plain() { return new RoutePlan.Needs(false, false, 0, 10, null); }

    @Test void eachPolicyOrdersTheCapableLiveProviders() {
        Object[][] cases = {
            // model, needs, the attempts in order
            {MULTI, plain(), List.of(MULTI, "hold/multi:p-mid", "hold/multi:p-cheap")},
            {MULTI + ":cheapest", plain(), List.of("hold/multi:p-cheap", "hold/multi:p-mid", "hold/multi:p-fast")},
            {MULTI + ":fastest", plain(), List.of("hold/multi:p-fast", "hold/multi:p-mid", "hold/multi:p-cheap")},
            {MULTI, new RoutePlan.Needs(true, false, 0, 10, null), List.of("hold/multi:p-mid",
                    "hold/multi:p-cheap")},
            {MULTI, new RoutePlan.Needs(true, false, 0, 9000, null), List.of("hold/multi:p-cheap")},
            {MULTI + ":p-fast", new RoutePlan.Needs(true, false, 0, 10, null), List.of("hold/multi:p-fast")},
        };
        for (Object[] c : cases) assertEquals(c[2], tried(plan((String) c[0], (RoutePlan.Needs) c[1], false)), c[0]
                + " " + c[1]);
        assertEquals(List.of("hold/multi:p-mid", "hold/multi:p-cheap"),
                tried(plan(MULTI + ":p-fast", new RoutePlan.Needs(true, false, 0, 10, null), true)), "--reroute");
    }

    @Test void theModelAskedForThatNoListedProviderCanServeIsAskedAsGivenAFallbackIsLeftOut() {
        List<RouterModel> known = RouterModel.listFrom(Json.parse("{\"data\":[{\"id\":\"x/down\",\"providers\":"
                + "[{\"provider\":\"a\",\"status\":\"error\"}]}]}"));
        RoutePlan first = RoutePlan.of(List.of(ModelRef.parse("x/down")), plain(), known, false);
        assertEquals(List.of("x/down"), tried(first), "the list may be behind: the router decides");
        RoutePlan fallback = RoutePlan.of(List.of(ModelRef.parse(MULTI + ":p-fast"), ModelRef.parse("x/down")), plain(),
                known, false);
        assertEquals(List.of("hold/multi:p-fast"), tried(fallback));
        assertEquals("x/down: no live provider can serve about 10 prompt tokens",
                fallback.leftOut.get(fallback.leftOut.size() - 1).what()
                + ": " + fallback.leftOut.get(fallback.leftOut.size() - 1).why());
    }

    @Test void planPrintsTheAttemptsAndWhatWasLeftOutAndSendsNothing() {
        assertEquals(new Run(0, """
                Needs: structured output, about 1 prompt token
                  1. hold/multi:p-mid    fastest capable (100 tokens/s)
                  2. hold/multi:p-cheap  fastest capable (50 tokens/s)
                  3. hold/other:p-other  fastest capable (80 tokens/s)
                  left out: hold/multi:p-fast: no structured output listed
                  left out: hold/multi:p-stage: status staging
                  left out: hold/multi:p-err: status error
                """, ""), t.chat("", "-m", MULTI, "--fallback", OTHER, "--schema", "{\"type\":\"object\"}", "--plan", "hi"));
        assertEquals(List.of(), router.requests);
        Run json = t.chat("", "-m", MULTI + ":cheapest", "--plan", "--json", "hi");
        assertEquals(List.of("hold/multi:p-cheap", "hold/multi:p-mid", "hold/multi:p-fast"),
                Json.parse(json.out()).asObject()
                .get("attempts").asArray().objects().stream().map(o -> o.string("model")).toList());
    }

    @Test void aPlainQuestionMovesOnAtOnceFromA429WithoutRetryAfterAndA503() {
        router.chat(MULTI, RATE_LIMITED).chat("hold/multi:p-mid", DOWN).chat("hold/multi:p-cheap", OK);
        Run r = t.chat("", "--no-stream", "-m", MULTI, "hi");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(MULTI, "hold/multi:p-mid", "hold/multi:p-cheap"), router.chatModels());
        assertEquals(List.of("chat: hold/multi: 429: rate limited (router: slow down) (no Retry-After); trying "
                + "hold/multi:p-mid",
                "chat: hold/multi:p-mid: 503: server error (router: down); trying hold/multi:p-cheap"),
                        r.err().lines().limit(2).toList());
    }

    @Test void aShortRetryAfterIsWaitedFor() {
        router.chat(MULTI, RATE_LIMITED.header("Retry-After", "1"), OK);
        Run r = t.chat("", "--no-stream", "-m", MULTI, "hi");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(MULTI, MULTI), router.chatModels());
        assertEquals("chat: hold/multi: 429: rate limited (router: slow down); retrying in 1 s (retry 1 of 2)",
                r.err().lines().findFirst().orElseThrow());
    }

    @Test void schemaGoesToStructuredOutputProvidersAndPastOneThatSaysNotSupported() {
        router.chat("hold/multi:p-mid", NOT_SUPPORTED).chat("hold/multi:p-cheap", OK);
        Run r = t.chat("", "--no-stream", "-m", MULTI, "--schema", "{\"type\":\"object\"}", "hi");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("hold/multi:p-mid", "hold/multi:p-cheap"), router.chatModels());
        assertEquals(List.of("chat: --schema: asking p-mid, which serves structured output for hold/multi",
                "chat: hold/multi:p-mid: 400: no provider you have enabled serves this model; enable one at "
                        + "https://hf.co/settings/inference-providers"
                        + " or pin one with :<provider> (see 'models show') (router: Model hold/multi is not supported "
                                + "by provider p-mid);"
                        + " trying hold/multi:p-cheap"), r.err().lines().limit(2).toList());
    }

    @Test void anImageNeverGoesToATextOnlyFallback() throws Exception {
        java.nio.file.Path png = java.nio.file.Files.write(tmp.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G',
                1, 2});
        router.chat("hold/multi:p-cheap", DOWN).chat("hold/multi:p-mid", DOWN).chat("hold/multi:p-fast", DOWN)
                .chat(OTHER, OK);
        Run r = t.chat("", "--no-stream", "--retries", "0", "-m", MULTI + ":cheapest", "--fallback", TEXT, "--fallback",
                OTHER,
                "-a", png.toString(), "what is this?");
        assertEquals(0, r.status(), r.err());
        assertEquals("chat: not falling back to hold/text: it does not take images (its input: text)",
                r.err().lines().findFirst().orElseThrow());
        // hold/other has one provider: the router's own pick is that one, asked once.
        assertEquals(List.of("hold/multi:p-cheap", "hold/multi:p-mid", "hold/multi:p-fast", OTHER),
                router.chatModels());
    }

    @Test void aPinnedProviderIsNotReplaced() {
        router.chat("hold/multi:p-fast", DOWN);
        Run r = t.chat("", "--no-stream", "--retries", "0", "--no-fallback", "-m", MULTI + ":p-fast", "hi");
        assertEquals(1, r.status());
        assertEquals(List.of("hold/multi:p-fast"), router.chatModels());
    }

    @Test void aContinuedConversationSticksToItsProviderAndDropsItOnAFailure() {
        router.chat(MULTI, OK.header("x-inference-provider", "p-mid"));
        assertEquals(0, t.chat("", "--no-stream", "-m", MULTI, "first").status());
        router.chat("hold/multi:p-mid", DOWN).chat(MULTI, OK);
        Run again = t.chat("", "--no-stream", "-c", "second");
        assertEquals(0, again.status(), again.err());
        assertEquals(List.of(MULTI, "hold/multi:p-mid", MULTI), router.chatModels());
        assertEquals("chat: hold/multi:p-mid: 503: server error (router: down); trying hold/multi",
                again.err().lines().findFirst().orElseThrow());
    }

    @Test void aFailureAfterTheFirstByteIsNotFailedOver() {
        router.chat(MULTI, FakeRouter.Answer.sse(ChatStreams.content("Hel") + ChatStreams.content("lo")).cutAfter(1));
        Run r = t.chat("", "-m", MULTI, "hi");
        assertEquals(1, r.status());
        assertEquals(List.of(MULTI), router.chatModels());
        assertEquals("Hel\n", r.out());
    }

    /** A prompt of 4000 characters: about 1000 tokens. */
    static final String THOUSAND = "abcd".repeat(1000);

    @Test void estimateSaysWhatEachPlannedProviderWouldChargeAndSendsNothing() {
        assertEquals(new Run(0, """
                Estimate for about 1000 prompt tokens + at most 1000 out:
                  1. hold/multi:p-cheap  $0.00025 to $0.00075
                  2. hold/multi:p-mid    $0.0005 to $0.0015
                  3. hold/multi:p-fast   $0.0015 to $0.0045
                """, ""), t.chat("", "-m", MULTI + ":cheapest", "--max-tokens", "1000", "--estimate", THOUSAND));
        assertEquals(List.of(), router.requests);
    }

    @Test void maxCostRefusesBeforeSendingAQuestionThatMayCostMore() {
        assertEquals(new Run(1, "", "chat: asking hold/multi:p-cheap may cost up to $0.00075, over --max-cost $0.0005"
                + " (--max-tokens bounds it); nothing was sent\n"),
                t.chat("", "-m", MULTI + ":cheapest", "--max-tokens", "1000", "--max-cost", "0.0005", THOUSAND));
        t.with("HF_MAX_COST", "0.0001");
        assertEquals("chat: asking hold/multi:p-cheap may cost up to $0.00075, over HF_MAX_COST $0.0001 (--max-tokens "
                + "bounds it);"
                + " nothing was sent", t.chat("", "-m", MULTI + ":cheapest", "--max-tokens", "1000",
                        THOUSAND).err().strip());
        assertEquals(List.of(), router.requests);
        router.chat("hold/multi:p-cheap", OK);
        assertEquals(0, t.chat("", "--no-stream", "-m", MULTI + ":cheapest", "--max-tokens", "1000", "--max-cost",
                "0.001",
                THOUSAND).status(), "within the cap: asked (--max-cost wins over HF_MAX_COST)");
        assertEquals(new Run(2, "", "chat: invalid value for --max-cost: 'lots' (an amount in USD, such as 0.05)\n"
                + "Try 'chat --help' for more information.\n"), t.chat("", "--max-cost", "lots", "hi"));
        assertEquals(2, t.chat("", "--max-cost", "1e-999999999", "hi").status(), "no exponent: printing it would never end");
    }
}
