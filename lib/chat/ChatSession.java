import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One conversation: its id, the history sent again with each question, the system prompt, the provider it sticks
 * to, and its turns in the {@link ChatLog}. Both a one-shot {@code chat} and the terminal conversation ask through
 * it; {@code -c} and {@code --cid} rebuild one from the log.
 * <p>
 * Provider stickiness: once a provider answered the conversation's model, later questions pin it
 * ({@code model:provider}), so that its prompt cache is used, unless the user chose a policy suffix or pinned a
 * provider. If the pinned one fails before any output, the question goes on to the user's ref, and stderr says so
 * (the next model of the chain, as for any failure).
 */
final class ChatSession {
    /** The conversation's id; /reset starts a new one, so that -c later does not bring back what was forgotten. */
    private String cid;
    private final ChatLog log;
    private final PrintStream err;
    private final List<JsonValue> history = new ArrayList<>();
    private String system;
    /** The system prompt the log last recorded for this conversation: a turn records it again only when it changed. */
    private String loggedSystem;
    private String provider;
    private String providerOf;
    private int turns;
    /** The model ref of the conversation's last answered turn (from the log), or null. */
    String lastRef;

    ChatSession(String cid, ChatLog log, String system, PrintStream err) {
        this.cid = cid;
        this.log = log;
        this.system = system;
        this.err = err;
    }

    /**
     * Conversation {@code cid} from the log: its answered turns as history, its system prompt (unless
     * {@code system} replaces it), the provider that last answered; {@link #lastRef} is the model it used.
     */
    static ChatSession resume(String cid, List<JsonObject> turns, ChatLog log, String system, PrintStream err) {
        ChatSession s = new ChatSession(cid, log, null, err);
        for (JsonObject t : turns) {
            s.turns = Math.max(s.turns, (int) t.longOr("turn", 0));
            if (!"ok".equals(t.string("outcome"))) continue;
            JsonArray messages = t.array("messages");
            for (JsonObject m : messages == null ? List.<JsonObject>of() : messages.objects()) {
                if ("system".equals(m.string("role"))) s.system = s.loggedSystem = m.string("content");
                else s.history.add(m);
            }
            s.history.add(ChatReport.message("assistant", t.stringOr("answer", "")));
            s.lastRef = t.string("ref");
            // Stuck to only when it served the conversation's own model, not a fallback.
            boolean own = t.string("model") != null && s.lastRef != null && ModelRef.sameId(ModelRef.looseId(t.string("model")), ModelRef.looseId(s.lastRef));
            s.provider = own && ModelRef.isProviderName(t.string("provider")) ? t.string("provider") : null;
            s.providerOf = s.lastRef;
        }
        if (system != null) s.system = system;
        return s;
    }

    void system(String text) { system = text; }

    String cid() { return cid; }

    /** How many turns the conversation has had (those from the log included). */
    int turns() { return turns; }

    /** Forgets the history: a new conversation (and id) with the same system prompt. */
    void reset(java.util.Random random) {
        history.clear();
        provider = null;
        loggedSystem = null;
        turns = 0;
        cid = ChatLog.newCid(Instant.now(), random);
    }

    /** Drops the last question and its answer (for /retry). */
    void dropLast() {
        if (history.size() >= 2) history.subList(history.size() - 2, history.size()).clear();
    }

    /** Asks {@code question} (a user message) of {@code chain} with the history; logs the turn; fails as ChatRun fails. */
    ChatRun.Answer ask(ChatRun run, ChatReport answers, List<ModelRef> chain, JsonValue question) throws InterruptedException {
        ModelRef chosen = chain.get(0);
        List<ModelRef> asked = new ArrayList<>(chain);
        boolean sticks = chosen.suffix() == null && provider != null && chosen.ref().equals(providerOf);
        if (sticks) asked.add(0, new ModelRef(chosen.id(), provider));
        List<JsonValue> added = new ArrayList<>();
        if (system != null && !system.equals(loggedSystem)) added.add(ChatReport.message("system", system));
        added.add(question);
        List<JsonValue> messages = new ArrayList<>();
        if (system != null) messages.add(ChatReport.message("system", system));
        messages.addAll(history);
        messages.add(question);
        long started = System.nanoTime();
        Instant at = Instant.now();
        ChatRun.Answer answer;
        try {
            answer = answers.show(run, asked, messages, sticks);
            history.add(question);
            history.add(ChatReport.message("assistant", answer.content()));
            if (chosen.suffix() == null && ModelRef.isProviderName(answer.provider()) && chosen.names(ModelRef.looseId(answer.model()))) {
                provider = answer.provider();
                providerOf = chosen.ref();
            }
            loggedSystem = system;
            record(at, started, chosen, answer, added, answers.cost(answer), "ok", null);
        } catch (Cli.Failure f) {
            record(at, started, chosen, null, added, null, f.getMessage().startsWith("interrupted") ? "interrupted" : "failed", f.getMessage());
            throw f;
        }
        answers.finish(answer);
        return answer;
    }

    private void record(Instant at, long started, ModelRef chosen, ChatRun.Answer a, List<JsonValue> added, BigDecimal cost, String outcome, String error) {
        turns++;
        if (log == null) return;
        List<Object> fields = new ArrayList<>(List.of("cid", JsonValue.of(cid), "turn", JsonValue.of(turns), "time", JsonValue.of(UtcTime.format(at)),
                "ref", JsonValue.of(chosen.ref()), "model", a == null ? JsonValue.NULL : JsonValue.of(a.model()),
                "provider", a == null || a.provider() == null ? JsonValue.NULL : JsonValue.of(a.provider()),
                "requestId", a == null || a.requestId() == null ? JsonValue.NULL : JsonValue.of(a.requestId()),
                "messages", new JsonArray(added),
                "answer", a == null ? JsonValue.NULL : JsonValue.of(a.content()),
                "reasoning", a == null || a.reasoning().isEmpty() ? JsonValue.NULL : JsonValue.of(a.reasoning()),
                "usage", a == null || a.usage() == null ? JsonValue.NULL : JsonValue.object("prompt", JsonValue.of(a.usage().prompt()),
                        "completion", JsonValue.of(a.usage().completion()), "total", JsonValue.of(a.usage().total())),
                "cost", cost == null ? JsonValue.NULL : JsonValue.of(cost.setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros()),
                "durationMs", JsonValue.of((System.nanoTime() - started) / 1_000_000),
                "outcome", JsonValue.of(outcome), "error", error == null ? JsonValue.NULL : JsonValue.of(error)));
        try {
            if (!log.append(JsonValue.object(fields.toArray()))) {
                Cli.warn(err, "another process held the conversation log " + log.file() + " for over "
                        + Figures.seconds(SafeFile.APPEND_WAIT) + "; this turn was not logged");
            }
        } catch (IOException e) {
            Cli.warn(err, "could not write the conversation log " + log.file() + ": " + e.getMessage());
        }
    }
}
