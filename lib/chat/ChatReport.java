import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows answers: asks through {@link ChatRun} into a {@link ChatOutput}, then writes one summary line
 * on stderr (model, provider, tokens, cost) and, with --json, the whole answer on stdout. The cost
 * comes from the answering provider's price in the cached model list, when there is one: chat never
 * fetches the list itself.
 */
final class ChatReport {
    private final Env env;
    private final JsonValue config;
    private final Term term;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final boolean hideReasoning;
    private List<RouterModel> cachedList;
    private boolean cacheRead;
    /** --schema: the schema the answer is checked against and printed by; -x: only the first fenced code block. */
    private JsonObject schema;
    private boolean extract;

    /** The answer goes to stdout checked against {@code schema} (or null), or only its first fenced block with {@code extract}. */
    ChatReport deliver(JsonObject schema, boolean extract) {
        this.schema = schema;
        this.extract = extract;
        return this;
    }

    ChatReport(Env env, JsonValue config, Term term, PrintStream out, PrintStream err, boolean json, boolean hideReasoning) {
        this.env = env;
        this.config = config;
        this.term = term;
        this.out = out;
        this.err = err;
        this.json = json;
        this.hideReasoning = hideReasoning;
    }

    static JsonValue message(String role, String content) {
        return JsonValue.object("role", JsonValue.of(role), "content", JsonValue.of(content));
    }

    ChatRun.Answer show(ChatRun run, List<ModelRef> chain, List<JsonValue> messages) throws InterruptedException {
        return show(run, chain, messages, false);
    }

    /** {@code firstOnce}: see {@link ChatRun#ask}. */
    ChatRun.Answer show(ChatRun run, List<ModelRef> chain, List<JsonValue> messages, boolean firstOnce) throws InterruptedException {
        // Held, not streamed, when what stdout gets is made from the whole answer.
        ChatOutput output = new ChatOutput(out, err, term, hideReasoning, json || schema != null || extract);
        ChatRun.Answer answer;
        try {
            answer = run.ask(chain, messages, output, firstOnce);
        } finally {
            output.stopWaiting();
        }
        output.finish();
        BigDecimal cost = cost(answer);
        if (json) out.println(Json.pretty(json(answer, cost)));
        err.println(term.dim(Running.program() + ": " + summary(answer, cost)));
        return answer;
    }

    /** After the turn is logged: --schema's checked JSON, compact, or -x's code block, on stdout; a mismatch fails. */
    void finish(ChatRun.Answer answer) {
        if (json) return;
        if (schema != null) {
            out.println(Json.write(StructuredAnswer.check(answer.content(), schema)));
        } else if (extract) {
            String block = StructuredAnswer.firstFencedBlock(answer.content());
            if (block == null) throw new Cli.Failure("-x: the answer has no fenced code block (the whole answer is in 'chat logs -n 1 --json')");
            out.println(block);
        }
    }

    /** The cached router list (never fetched here): what --schema and attachments check a model against; empty when none. */
    List<RouterModel> known() { return cachedList(); }

    /** {@code deepseek-ai/DeepSeek-R1 via together - 26 in + 20 out tokens - $0.000218}. */
    static String summary(ChatRun.Answer a, BigDecimal cost) {
        StringBuilder sb = new StringBuilder(a.model());
        if (a.provider() != null) sb.append(" via ").append(Printable.line(a.provider()));
        if (a.usage() != null) sb.append(" \u00b7 ").append(a.usage().prompt()).append(" in + ").append(a.usage().completion()).append(" out tokens");
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
        List<Object> message = new ArrayList<>(List.of("role", JsonValue.of("assistant"), "content", JsonValue.of(a.content())));
        if (!a.reasoning().isEmpty()) message.addAll(List.of("reasoning_content", JsonValue.of(a.reasoning())));
        JsonValue choice = JsonValue.object("index", JsonValue.of(0), "message", JsonValue.object(message.toArray()),
                "finish_reason", a.finishReason() == null ? JsonValue.NULL : JsonValue.of(a.finishReason()));
        JsonValue usage = a.usage() == null ? JsonValue.NULL : JsonValue.object("prompt_tokens", JsonValue.of(a.usage().prompt()),
                "completion_tokens", JsonValue.of(a.usage().completion()), "total_tokens", JsonValue.of(a.usage().total()));
        return JsonValue.object("object", JsonValue.of("chat.completion"), "model", JsonValue.of(a.model()),
                "provider", a.provider() == null ? JsonValue.NULL : JsonValue.of(a.provider()),
                "choices", new JsonArray(List.of(choice)), "usage", usage,
                "cost", cost == null ? JsonValue.NULL : JsonValue.of(cost.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()));
    }

    /** Prompt and completion tokens at the answering provider's listed prices; null when either is unknown. */
    BigDecimal cost(ChatRun.Answer a) {
        if (a.usage() == null || a.provider() == null) return null;
        String id = ModelRef.parse(a.model()).id();
        for (RouterModel m : cachedList()) {
            if (!ModelRef.sameId(m.id(), id)) continue;
            for (RouterModel.Offer o : m.providers()) {
                if (o.provider().equalsIgnoreCase(a.provider()) && o.priceIn() != null && o.priceOut() != null) {
                    return o.priceIn().multiply(BigDecimal.valueOf(a.usage().prompt())).add(o.priceOut().multiply(BigDecimal.valueOf(a.usage().completion())))
                            .divide(BigDecimal.valueOf(1_000_000));
                }
            }
        }
        return null;
    }

    private List<RouterModel> cachedList() {
        if (!cacheRead) {
            cacheRead = true;
            List<RouterModel> live = new Discovery(env, config, Instant.now()).discover(new Discovery.Options(true, false, Duration.ZERO)).live();
            cachedList = live == null ? List.of() : live;
        }
        return cachedList;
    }
}
