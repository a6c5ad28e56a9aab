import java.io.PrintStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One question to the router, with retries and model fallbacks, printing the answer as it streams.
 * <ul>
 * <li>Retries (408, 409, 425, 429, 5xx, no connection, a stream that broke) only while nothing was
 *     shown, waiting as {@link Backoff} says;
 * <li>then the next model of the chain, also at once for 401, 403, 404, {@code model_not_found}
 *     and {@code model_not_supported};
 * <li>a 402 ends it, explained ({@link BudgetStop}): every model bills the same account;
 * <li>a plain 400 (the request itself is wrong) ends it: another model would refuse it too;
 * <li>once any of the answer was shown, nothing else is tried: a broken answer fails.
 * </ul>
 * Each failed attempt gets one line on stderr, saying what happens next.
 */
final class ChatRun {
    /** Waits between retries; tests pass one that records instead of sleeping. */
    interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    /**
     * {@code responseFormat}: sent as the request's {@code response_format} (--schema), or null. {@code reroute}:
     * a pinned provider may be planned around ({@link RoutePlan}). {@code maxCost}: the most a question may cost
     * (USD, {@link CostEstimate}), or null; {@code maxCostFrom} says where it was set. {@code extra}: more request
     * fields, sent as they are (a batch line's {@code top_p}, {@code stop}, {@code seed}), or null.
     */
    record Settings(Double temperature, Integer maxTokens, boolean stream, int retries, Duration idle,
            JsonObject responseFormat, boolean reroute, java.math.BigDecimal maxCost, String maxCostFrom,
            JsonObject extra) {
        Settings(Double temperature, Integer maxTokens, boolean stream, int retries, Duration idle,
                JsonObject responseFormat, boolean reroute, java.math.BigDecimal maxCost, String maxCostFrom) {
            this(temperature, maxTokens, stream, retries, idle, responseFormat, reroute, maxCost, maxCostFrom, null);
        }

        /** These settings, as a batch line's body overrides them: its temperature, max_tokens and the rest. */
        Settings with(JsonObject body) {
            if (body == null) return this;
            List<Object> rest = new ArrayList<>();
            for (var m : body.members().entrySet()) {
                if (List.of("temperature", "max_tokens", "response_format").contains(m.getKey())) continue;
                rest.add(m.getKey());
                rest.add(m.getValue());
            }
            Double t = body.get("temperature") instanceof JsonNumber n ? Double.valueOf(n.doubleValue()) : temperature;
            Integer most = body.get("max_tokens") instanceof JsonNumber n ? Integer.valueOf((int) Math.min(
                    Integer.MAX_VALUE, Math.max(1, n.doubleValue()))) : maxTokens;
            JsonObject format = body.get("response_format") instanceof JsonObject f ? f : responseFormat;
            return new Settings(t, most, stream, retries, idle, format, reroute, maxCost, maxCostFrom,
                    rest.isEmpty() ? null : JsonValue.object(rest.toArray()));
        }
    }

    /** What one request to one model came to: an answer, or a failure and what may follow it. */
    sealed interface Attempt permits Answer, Failed { }

    /**
     * A finished answer. {@code provider} and {@code requestId}: the router's {@code x-inference-provider} and {@code
     * x-request-id}, when it said.
     */
    record Answer(String model, String provider, String content, String reasoning, String finishReason,
            ChatChunk.Usage usage, String requestId, List<ToolCall> calls, JsonArray items) implements Attempt {
        Answer(String model, String provider, String content, String reasoning, String finishReason,
                ChatChunk.Usage usage, String requestId) {
            this(model, provider, content, reasoning, finishReason, usage, requestId, List.of(), null);
        }

        /** {@code calls}: the tool calls it asked for; {@code items}: /v1/responses' output items, else null. */
        Answer withCalls(List<ToolCall> calls, JsonArray items) {
            return new Answer(model, provider, content, reasoning, finishReason, usage, requestId, calls, items);
        }

        /** This last answer of a question, with {@code earlier} (its tool rounds' usage) added to its own. */
        Answer withUsageBefore(ChatChunk.Usage earlier) {
            if (earlier == null) return this;
            return new Answer(model, provider, content, reasoning, finishReason, earlier.plus(usage), requestId,
                    calls, items);
        }
    }

    /** {@code BUDGET}: a 402, which ends the chain as STOP does, with what whoami says of who pays. */
    private enum Next { RETRY, OTHER_MODEL, STOP, BUDGET }

    /** A failed attempt: its one-line description and what may follow it. */
    private record Failed(String line, Next next, Duration retryAfter, int status) implements Attempt {
        Failed(String line, Next next, Duration retryAfter) { this(line, next, retryAfter, 0); }
    }

    private final RouterClient router;
    private final Settings settings;
    private final Pause pause;
    private final Random random;
    private final PrintStream err;
    /** After a 402: the lines that explain it ({@link BudgetStop}); asked only then (whoami is rate-limited). */
    private final java.util.function.Supplier<List<String>> budget;
    private final java.util.function.IntConsumer statuses;

    ChatRun(RouterClient router, Settings settings, Pause pause, Random random, PrintStream err) {
        this(router, settings, pause, random, err, List::of);
    }

    ChatRun(RouterClient router, Settings settings, Pause pause, Random random, PrintStream err,
            java.util.function.Supplier<List<String>> budget) {
        this(router, settings, pause, random, err, budget, status -> { });
    }

    /** {@code statuses}: told the HTTP status of each failed attempt (0: no answer), as a batch paces itself by. */
    ChatRun(RouterClient router, Settings settings, Pause pause, Random random, PrintStream err,
            java.util.function.Supplier<List<String>> budget, java.util.function.IntConsumer statuses) {
        this(router, settings, pause, random, err, budget, statuses, new boolean[1]);
    }

    private ChatRun(RouterClient router, Settings settings, Pause pause, Random random, PrintStream err,
            java.util.function.Supplier<List<String>> budget, java.util.function.IntConsumer statuses,
            boolean[] refusesReasoning) {
        this.refusesReasoning = refusesReasoning;
        this.statuses = statuses;
        this.budget = budget;
        this.router = router;
        this.settings = settings;
        this.pause = pause;
        this.random = random;
        this.err = err;
    }

    /**
     * Asks each attempt of {@code plan} in turn ({@link RoutePlan}) until one answers; fails with the reason when none
     * did. A failure that may pass (408, 409, 425, 429, 5xx, a network failure), before any of the answer was shown:
     * an attempt the plan chose from the list moves on to the next at once, unless the router asks to wait
     * (Retry-After) no longer than {@link Backoff#LONGEST}; a model as given is retried, as {@link Backoff} says.
     * With {@code firstOnce}, the first is asked once (a provider a conversation stuck to: when it fails, the plan
     * comes next at once, even on a 400 that provider alone may give).
     */
    Answer ask(List<RoutePlan.Attempt> plan, List<JsonValue> messages, ChatOutput output,
            boolean firstOnce) throws InterruptedException {
        int attempts = 0;
        for (int m = 0; m < plan.size(); m++) {
            RoutePlan.Attempt planned = plan.get(m);
            ModelRef model = planned.ref();
            boolean sticky = firstOnce && m == 0, next = m + 1 < plan.size();
            for (int retry = 0; ; retry++) {
                attempts++;
                output.clear();
                output.waitVisibly();
                Attempt attempt = once(model, messages, output);
                if (Thread.interrupted()) {
                    // Ctrl-C in the conversation: this question ends here, without a retry or another model.
                    output.finish();
                    throw new Cli.Failure("interrupted" + (output.shown() ? "; the answer above is incomplete" : ""));
                }
                if (attempt instanceof Answer answer) return answer;
                Failed failed = (Failed) attempt;   // the one other kind of Attempt
                statuses.accept(failed.status());
                output.stopWaiting();
                String line = model.routerId() + ": " + failed.line();
                lastFailure = line;
                if (output.shown()) {
                    output.finish();
                    throw new Cli.Failure(line + "; the answer above is incomplete");
                }
                // A provider the conversation stuck to may refuse what the model itself takes: back to the plan.
                if (failed.next() == Next.STOP && !sticky) throw new Cli.Failure(line);
                if (failed.next() == Next.BUDGET) {
                    Cli.say(err, line);
                    for (String why : budget.get()) Cli.say(err, why);
                    throw new Cli.Failure(next ? "stopped: the fallbacks bill the same account, so none was tried"
                            : "no model answered (" + attempts + (attempts == 1 ? " attempt" : " attempts") + ")");
                }
                if (failed.next() == Next.RETRY && retry < settings.retries() && !sticky) {
                    Duration wait = Backoff.delay(retry, failed.retryAfter(), random);
                    // A planned attempt waits only when told to, and not long; else another provider is asked now.
                    boolean waits = !planned.planned() || !next || failed.retryAfter() != null;
                    if (waits && wait.compareTo(Backoff.LONGEST) <= 0) {
                        Cli.say(err, line + "; retrying in " + Figures.seconds(wait) + " (retry " + (retry + 1) + " of "
                                + settings.retries() + ")");
                        try {
                            pause.pause(wait);
                        } catch (InterruptedException e) {
                            throw new Cli.Failure("interrupted");
                        }
                        continue;
                    }
                    if (waits) line += " (asks to wait " + Figures.seconds(wait) + ")";
                    else if (failed.retryAfter() == null
                            && failed.line().startsWith("429")) line += " (no Retry-After)";
                }
                if (next) Cli.say(err, line + "; trying " + plan.get(m + 1).ref().routerId());
                else Cli.say(err, line);
                break;
            }
        }
        throw new Cli.Failure("no model answered (" + attempts + (attempts == 1 ? " attempt" : " attempts") + ")");
    }

    Settings settings() { return settings; }

    private volatile String lastFailure;

    /** The last failed attempt's line ({@code MODEL: WHY}), or null: what a batch's line says beside the outcome. */
    String lastFailure() { return lastFailure; }

    /** One request: an {@link Answer} or a {@link Failed}. */
    /** Set by a provider that refused the reasoning sent back: from then on this run sends none (a shared flag). */
    private final boolean[] refusesReasoning;

    private Attempt once(ModelRef model, List<JsonValue> asked, ChatOutput output) {
        List<JsonValue> messages = refusesReasoning[0] ? ToolRunner.withoutReasoning(asked) : asked;
        // Remote MCP (--mcp) is served by the Responses API alone; everything else by chat/completions.
        boolean responses = RemoteMcp.offeredIn(settings.extra());
        JsonValue body = responses ? RemoteMcp.request(model.routerId(), messages, settings) : request(model, messages);
        try (RouterResponse response = responses ? router.responses(body, settings.stream(), settings.idle())
                : router.chat(body, settings.stream(), settings.idle())) {
            int status = response.status();
            if (status / 100 != 2) {
                String retryAfter = response.headers().firstValue("retry-after").orElse(null);
                String said = response.rest(RouterClient.MAX_BODY);
                if (status == 400 && ToolRunner.echoesReasoning(messages) && said.contains("reasoning")) {
                    // Some models need their reasoning echoed back beside their tool calls, and some providers
                    // refuse the field: the same request again without it, once, and never again this run.
                    Cli.say(err, model.routerId() + ": 400: this provider refuses the reasoning sent back with the "
                            + "tool calls; asking again without it");
                    refusesReasoning[0] = true;
                    return once(model, asked, output);
                }
                Failed f = failed(status, said, Backoff.retryAfter(retryAfter, ZonedDateTime.now()),
                        router.tokenSource(), router.billTo());
                return new Failed(f.line(), f.next(), f.retryAfter(), status);
            }
            String provider = response.headers().firstValue("x-inference-provider").orElse(null);
            String requestId = response.headers().firstValue("x-request-id").orElse(null);
            if (responses) return ResponseEvents.read(response, settings.stream(), model.routerId(), provider,
                    requestId, output, err);
            return settings.stream() ? streamed(response, model, provider, requestId, output) : whole(response, model,
                    provider, requestId, output);
        } catch (RouterError e) {
            return new Failed(e.getMessage(), Next.RETRY, null);
        }
    }

    /** This run with other settings (the same router, pauses and output): a question's last round without tools. */
    ChatRun with(Settings other) {
        return new ChatRun(router, other, pause, random, err, budget, statuses, refusesReasoning);
    }

    private JsonValue request(ModelRef model, List<JsonValue> messages) {
        List<Object> fields = new ArrayList<>(List.of("model", JsonValue.of(model.routerId()), "messages",
                new JsonArray(messages),
                "stream", JsonValue.of(settings.stream())));
        if (settings.stream()) fields.addAll(List.of("stream_options", JsonValue.object("include_usage",
                JsonValue.TRUE)));
        if (settings.temperature() != null) fields.addAll(List.of("temperature",
                new JsonNumber(Figures.plain(settings.temperature()))));
        if (settings.maxTokens() != null) fields.addAll(List.of("max_tokens", JsonValue.of(settings.maxTokens())));
        if (settings.responseFormat() != null) fields.addAll(List.of("response_format", settings.responseFormat()));
        if (settings.extra() != null) {
            for (var m : settings.extra().members().entrySet()) fields.addAll(List.of(m.getKey(), m.getValue()));
        }
        return JsonValue.object(fields.toArray());
    }

    /**
     * The most of an answer (text and reasoning) read: far beyond any model's output limit, far below what memory
     * holds.
     */
    static final int MAX_ANSWER = 8 * 1024 * 1024;

    private Attempt streamed(RouterResponse response, ModelRef model, String provider, String requestId,
            ChatOutput output) throws RouterError {
        Sse sse = new Sse();
        ThinkSplitter think = new ThinkSplitter(output);
        ToolCallParts calls = new ToolCallParts();
        String finish = null;
        ChatChunk.Usage usage = null;
        boolean done = false;
        while (!done) {
            String line = response.nextLine();
            String data = line != null ? sse.line(line) : sse.end();
            if (data != null && data.strip().equals("[DONE]")) {
                done = true;
            } else if (data != null) {
                ChatChunk chunk;
                try {
                    chunk = ChatChunk.ofStreamed(data);
                } catch (JsonException e) {
                    return new Failed("the stream carried something that is not JSON (" + e.getMessage() + ")",
                            Next.RETRY, null);
                }
                if (chunk.error() != null) return new Failed("error in the stream: " + Printable.line(chunk.error()),
                        Next.RETRY, null);
                if (chunk.reasoning() != null) output.reasoning(chunk.reasoning());
                if (chunk.content() != null) think.feed(chunk.content());
                for (JsonObject call : chunk.toolCalls()) calls.add(call);
                if (chunk.finishReason() != null) finish = chunk.finishReason();
                if (chunk.usage() != null) usage = chunk.usage();
                if (output.size() + calls.size() > MAX_ANSWER) {
                    think.finish();
                    output.finish();   // the answer's line ends before the note on stderr
                    Cli.say(err, "the answer passed " + MAX_ANSWER / (1024 * 1024)
                            + " MB; stopped reading it (what was shown is kept)");
                    return new Answer(model.routerId(), provider, output.answerText(), output.reasoningText(), "length",
                            usage, requestId);
                }
            }
            if (line == null) break;
        }
        think.finish();
        // Some providers end without [DONE]; an answer that said how it finished is whole all the same.
        if (!done && finish == null) return new Failed("the stream stopped before the answer was complete", Next.RETRY,
                null);
        return new Answer(model.routerId(), provider, output.answerText(), output.reasoningText(), finish, usage,
                requestId).withCalls(calls.calls(), null);
    }

    private Attempt whole(RouterResponse response, ModelRef model, String provider, String requestId,
            ChatOutput output) throws RouterError {
        ChatChunk answer;
        try {
            answer = ChatChunk.ofAnswer(Json.parse(response.rest(RouterClient.MAX_BODY)));
        } catch (JsonException e) {
            return new Failed("the answer is not JSON (" + e.getMessage() + ")", Next.RETRY, null);
        }
        if (answer.error() != null) return new Failed("error: " + Printable.line(answer.error()), Next.RETRY, null);
        if (answer.reasoning() != null) output.reasoning(answer.reasoning());
        ThinkSplitter think = new ThinkSplitter(output);
        if (answer.content() != null) think.feed(answer.content());
        think.finish();
        ToolCallParts calls = new ToolCallParts();
        for (int i = 0; i < answer.toolCalls().size(); i++) calls.add(answer.toolCalls().get(i), i);
        return new Answer(model.routerId(), provider, output.answerText(), output.reasoningText(),
                answer.finishReason(), answer.usage(), requestId).withCalls(calls.calls(), null);
    }

    /** A non-2xx answer, made plain, and what it allows next. */
    /** {@code tokenSource}: where the token sent came from, as status names it; null when none was sent. */
    private static Failed failed(int status, String body, Duration retryAfter, String tokenSource, BillTo billTo) {
        RouterError.Said words = RouterError.said(body);
        String said = words.message(), code = words.code();
        String quoted = said == null ? "" : " (router: " + shorten(said) + ")";
        if ("model_not_supported".equals(code) || (said != null && said.contains("not supported by"))) {
            return new Failed(status + ": no provider you have enabled serves this model; enable one at "
                    + "https://hf.co/settings/inference-providers or pin one with :<provider> (see '"
                            + Invocation.command("models") + " show')"
                            + quoted, Next.OTHER_MODEL, null);
        }
        if ("model_not_found".equals(code)) return new Failed(status + ": no such model" + quoted, Next.OTHER_MODEL,
                null);
        return switch (status) {
            case 401 -> new Failed("401: " + (tokenSource != null ? "token rejected; check the token from "
                    + tokenSource + ", or run " + Invocation.command("onboard")
                    : RouterError.unauthorized(false)) + quoted, Next.OTHER_MODEL, null);
            case 402 -> new Failed(billTo != null
                    ? "402: the organization " + billTo.org() + " (billed, from " + billTo.source()
                            + ") cannot pay: its credits are used up, or this"
                            + " token may not bill it; see https://huggingface.co/organizations/" + billTo.org()
                                    + "/settings/billing" + quoted
                    : "402: your Inference Providers credits are used up; buy pre-paid credits at "
                    + BudgetStop.BILLING + " or subscribe to PRO" + quoted, Next.BUDGET, null);
            case 403 -> new Failed("403: this token may not call Inference Providers; make a fine-grained token with "
                    + "\"Make calls to Inference Providers\" at https://huggingface.co/settings/tokens" + quoted,
                            Next.OTHER_MODEL, null);
            case 404 -> new Failed("404: not found" + quoted, Next.OTHER_MODEL, null);
            case 413 -> new Failed("413: the request is too large for this provider" + quoted, Next.OTHER_MODEL, null);
            case 408, 409, 425, 429 -> new Failed(status + ": " + (status == 429 ? "rate limited" : "try again later")
                    + quoted, Next.RETRY, retryAfter);
            default -> status >= 500
                    ? new Failed(status + ": server error" + quoted, Next.RETRY, retryAfter)
                    : new Failed(status + ": the request was refused" + quoted, Next.STOP, null);
        };
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ').strip();
        return one.length() > 200 ? one.substring(0, 200) + "\u2026" : one;
    }
}
