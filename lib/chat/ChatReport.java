import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows answers: the {@link ChatOutput} an answer streams into, then one summary line on stderr (model, provider,
 * tokens, cost) and, with --json, the whole answer on stdout; after the turn is logged, what --schema or -x print.
 * The cost comes from the answering provider's price in the cached model list, when there is one: chat never
 * fetches the list itself.
 */
final class ChatReport {
    /**
     * What stdout gets: the answer as it streams, or (held until it is whole) a chat.completion with {@code json},
     * the answer checked against {@code schema} (--schema), or only its first fenced code block ({@code extract}, -x).
     */
    record Shown(boolean json, boolean hideReasoning, JsonObject schema, boolean extract) {
        boolean held() { return json || schema != null || extract; }
    }

    /** An answered question: the answer and its price in USD (null when unknown), priced once, here. */
    record Turn(ChatRun.Answer answer, BigDecimal cost) { }

    private final Term term;
    private final PrintStream out;
    private final PrintStream err;
    private final Shown shown;
    private final List<RouterModel> known;

    /** {@code known}: the cached router list ({@link #cached}), what answers are priced by. */
    ChatReport(Term term, PrintStream out, PrintStream err, Shown shown, List<RouterModel> known) {
        this.term = term;
        this.out = out;
        this.err = err;
        this.shown = shown;
        this.known = known;
    }

    /**
     * The cached router list, never fetched here: what chat checks models against and prices answers by; empty when
     * none.
     */
    static List<RouterModel> cached(Env env, JsonValue config) {
        List<RouterModel> live = new Discovery(env, config, Instant.now()).discover(new Discovery.Options(true, false,
                Duration.ZERO)).live();
        return live == null ? List.of() : live;
    }

    List<RouterModel> known() { return known; }

    static JsonValue message(String role, String content) {
        return JsonValue.object("role", JsonValue.of(role), "content", JsonValue.of(content));
    }

    /** Where the next answer streams to (held, not streamed, when what stdout gets is made from the whole answer). */
    ChatOutput output() { return new ChatOutput(out, err, term, shown.hideReasoning(), shown.held()); }

    /** The answer that streamed into {@code output}, ended and priced; with --json printed whole; the summary line. */
    Turn shown(ChatRun.Answer answer, ChatOutput output) {
        output.finish();
        Turn turn = new Turn(answer, cost(answer, known));
        if (shown.json()) Output.json(out, Json.pretty(json(answer, turn.cost())));
        err.println(term.dim(Running.program() + ": " + summary(answer, turn.cost())));
        return turn;
    }

    /** After the turn is logged: --schema's checked JSON, compact, or -x's code block, on stdout; a mismatch fails. */
    void finish(Turn turn) {
        if (shown.json()) return;
        String content = turn.answer().content();
        if (shown.schema() != null) {
            Output.json(out, Json.write(StructuredAnswer.check(content, shown.schema())));
        } else if (shown.extract()) {
            String block = StructuredAnswer.firstFencedBlock(content);
            if (block == null) throw new Cli.Failure("-x: the answer has no fenced code block (the whole answer is in "
                    + "'" + Invocation.command("chat") + " logs -n 1 --json')");
            out.println(block);
        }
    }

    /** {@code deepseek-ai/DeepSeek-R1 via together - 26 in + 20 out tokens - $0.000218}. */
    static String summary(ChatRun.Answer a, BigDecimal cost) {
        StringBuilder sb = new StringBuilder(a.model());
        if (a.provider() != null) sb.append(" via ").append(Printable.line(a.provider()));
        if (a.usage() != null) sb.append(" \u00b7 ").append(a.usage().prompt()).append(" in "
                + "+ ").append(a.usage().completion()).append(" out tokens");
        if (cost != null) sb.append(" \u00b7 ").append(dollars(cost));
        if ("length".equals(a.finishReason())) sb.append(" \u00b7 cut at the token limit");
        return sb.toString();
    }

    /** {@code $0.000218}: a cost in USD, to six decimals at most. */
    static String dollars(BigDecimal usd) {
        BigDecimal rounded = usd.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return "$" + (rounded.signum() == 0 ? "0" : rounded.toPlainString());
    }

    /** The answer as an OpenAI {@code chat.completion}, plus {@code provider} and {@code cost} (USD). */
    static JsonValue json(ChatRun.Answer a, BigDecimal cost) {
        List<Object> message = new ArrayList<>(List.of("role", JsonValue.of("assistant"), "content",
                JsonValue.of(a.content())));
        if (!a.reasoning().isEmpty()) message.addAll(List.of("reasoning_content", JsonValue.of(a.reasoning())));
        JsonValue choice = JsonValue.object("index", JsonValue.of(0), "message", JsonValue.object(message.toArray()),
                "finish_reason", a.finishReason() == null ? JsonValue.NULL : JsonValue.of(a.finishReason()));
        JsonValue usage = a.usage() == null ? JsonValue.NULL : JsonValue.object("prompt_tokens",
                JsonValue.of(a.usage().prompt()),
                "completion_tokens", JsonValue.of(a.usage().completion()), "total_tokens",
                        JsonValue.of(a.usage().total()));
        return JsonValue.object("object", JsonValue.of("chat.completion"), "model", JsonValue.of(a.model()),
                "provider", a.provider() == null ? JsonValue.NULL : JsonValue.of(a.provider()),
                "choices", new JsonArray(List.of(choice)), "usage", usage,
                "cost", cost == null ? JsonValue.NULL : JsonValue.of(cost.setScale(6,
                        RoundingMode.HALF_UP).stripTrailingZeros()));
    }

    /**
     * Prompt and completion tokens at the answering provider's prices in {@code known}; null when either is unknown.
     */
    static BigDecimal cost(ChatRun.Answer a, List<RouterModel> known) {
        if (a.usage() == null || a.provider() == null) return null;
        String id = ModelRef.parse(a.model()).id();
        for (RouterModel m : known) {
            if (!ModelRef.sameId(m.id(), id)) continue;
            for (RouterModel.Offer o : m.providers()) {
                if (o.provider().equalsIgnoreCase(a.provider()) && o.priceIn() != null && o.priceOut() != null) {
                    return o.priceIn().multiply(BigDecimal.valueOf(a.usage().prompt()))
                            .add(o.priceOut().multiply(BigDecimal.valueOf(a.usage().completion())))
                            .divide(BigDecimal.valueOf(1_000_000));
                }
            }
        }
        return null;
    }
}
