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
    private final ChatRun run;
    private final ChatReport report;
    private final PrintStream err;
    private final List<JsonValue> history = new ArrayList<>();
    private String system;
    /** The system prompt the log last recorded for this conversation: a turn records it again only when it changed. */
    private String loggedSystem;
    private String provider;
    private String providerOf;
    private int turns;

    /**
     * Conversation {@code cid}, asking through {@code run} and showing answers through {@code report}; a new one
     * when {@code logged} is empty, else the one the log holds: its answered turns as history, its system prompt
     * (unless {@code system} replaces it), the provider that last answered.
     */
    ChatSession(String cid, List<JsonObject> logged, String system, ChatLog log, ChatRun run, ChatReport report,
            PrintStream err) {
        this.cid = cid;
        this.log = log;
        this.run = run;
        this.report = report;
        this.err = err;
        resume(logged);
        if (system != null) this.system = system;
    }

    /**
     * The model ref of the last answered turn of {@code turns} (from the log), or null: the one a continued
     * conversation asks.
     */
    static String lastRef(List<JsonObject> turns) {
        String ref = null;
        for (JsonObject t : turns) if ("ok".equals(t.string("outcome"))) ref = t.string("ref");
        return ref;
    }

    private void resume(List<JsonObject> logged) {
        for (JsonObject t : logged) {
            turns = Math.max(turns, (int) t.longOr("turn", 0));
            if (!"ok".equals(t.string("outcome"))) continue;
            JsonArray messages = t.array("messages");
            for (JsonObject m : messages == null ? List.<JsonObject>of() : messages.objects()) {
                if ("system".equals(m.string("role"))) system = loggedSystem = m.string("content");
                else history.add(m);
            }
            history.add(ChatReport.message("assistant", t.stringOr("answer", "")));
            String ref = t.string("ref");
            // Stuck to only when it served the conversation's own model, not a fallback.
            boolean own = t.string("model") != null && ref != null
                    && ModelRef.sameId(ModelRef.looseId(t.string("model")), ModelRef.looseId(ref));
            provider = own && ModelRef.isProviderName(t.string("provider")) ? t.string("provider") : null;
            providerOf = ref;
        }
    }

    /** The messages asking {@code question} sends: the system prompt, the history, the question. */
    List<JsonValue> messagesWith(JsonValue question) {
        List<JsonValue> messages = new ArrayList<>();
        if (system != null) messages.add(ChatReport.message("system", system));
        messages.addAll(ToolHistory.forRequest(history, ToolHistory.of(run.settings())));
        messages.add(question);
        return messages;
    }

    /**
     * The plan for asking {@code messages} of {@code chain} ({@link RoutePlan}), with the cached list the report has.
     */
    RoutePlan plan(List<ModelRef> chain, List<JsonValue> messages) {
        return RoutePlan.of(chain, RoutePlan.Needs.of(messages, run.settings()), report.known(),
                run.settings().reroute());
    }

    /** The cached router list the report prices by: what /model and /attach check a model against. */
    List<RouterModel> known() { return report.known(); }

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

    /**
     * Asks {@code question} (a user message) of {@code chain} with the history, shows the answer, logs the turn
     * and returns it; fails as {@link ChatRun} fails (logged as failed or interrupted).
     */
    ChatReport.Turn ask(List<ModelRef> chain, JsonValue question) throws InterruptedException {
        ModelRef chosen = chain.get(0);
        boolean sticks = chosen.suffix() == null && provider != null && chosen.ref().equals(providerOf);
        List<JsonValue> added = new ArrayList<>();
        if (system != null && !system.equals(loggedSystem)) added.add(ChatReport.message("system", system));
        added.add(question);
        List<JsonValue> messages = messagesWith(question);
        RoutePlan plan = plan(chain, messages);
        plan.tell(err);
        String over = CostEstimate.overCap(CostEstimate.of(plan, report.known()),
                run.settings().maxCost(),
                run.settings().maxCostFrom());
        if (over != null) throw new Cli.Failure(over);
        List<RoutePlan.Attempt> asked = new ArrayList<>(plan.attempts);
        if (sticks) {
            ModelRef stuck = new ModelRef(chosen.id(), provider);
            asked.removeIf(a -> a.ref().equals(stuck));
            asked.add(0, new RoutePlan.Attempt(stuck, "the provider this conversation stuck to", true));
        }
        if (asked.isEmpty()) throw new Cli.Failure("no model of the chain can serve this request; nothing was sent");
        long started = System.nanoTime();
        Instant at = Instant.now();
        ChatReport.Turn turn;
        try {
            ChatOutput[] output = {report.output()};
            ChatRun.Answer answer = answered(asked, messages, added, output, sticks);
            turn = report.shown(answer, output[0]);
            for (JsonValue m : added) if (!"system".equals(m.asObject().string("role"))) history.add(m);
            history.add(ChatReport.message("assistant", answer.content()));
            if (chosen.suffix() == null && ModelRef.isProviderName(answer.provider())
                    && chosen.names(ModelRef.looseId(answer.model()))) {
                provider = answer.provider();
                providerOf = chosen.ref();
            }
            loggedSystem = system;
            record(at, started, chosen, turn, added, "ok", null);
        } catch (Cli.Failure f) {
            record(at, started, chosen, null, added, f.getMessage().startsWith("interrupted") ? "interrupted"
                    : "failed", f.getMessage());
            throw f;
        }
        report.finish(turn);
        return turn;
    }

    /**
     * The answer to {@code messages}: asked of {@code asked}, and with tools offered, asked again after each round of
     * tool calls (the calls and their results added to {@code messages} and to {@code added}, which the log keeps),
     * of the model that answered, until an answer calls none. Its usage is the rounds' summed; {@code shown} holds
     * the output the answer streamed into (each round has its own).
     */
    private ChatRun.Answer answered(List<RoutePlan.Attempt> asked, List<JsonValue> messages, List<JsonValue> added,
            ChatOutput[] shown, boolean sticks) throws InterruptedException {
        ChatOutput output = shown[0];
        ChatRun asking = run;
        ChatChunk.Usage used = null;
        List<RoutePlan.Attempt> plan = asked;
        boolean once = sticks;
        if (tools != null) tools.newQuestion();
        while (true) {
            ChatRun.Answer answer;
            try {
                answer = asking.ask(plan, messages, output, once);
            } finally {
                output.stopWaiting();
            }
            if (tools == null || answer.calls().isEmpty()) return answer.withUsageBefore(used);
            output.finish();
            List<JsonValue> carried = tools.round(answer);
            messages.addAll(carried);
            added.addAll(carried);
            if (answer.usage() != null) used = answer.usage().plus(used);
            // The next round asks the model that answered first (its provider too, when it said).
            for (int i = 0; i < plan.size(); i++) {
                if (!plan.get(i).ref().routerId().equals(answer.model())) continue;
                ModelRef ref = plan.get(i).ref();
                boolean pin = ref.suffix() == null && ModelRef.isProviderName(answer.provider());
                List<RoutePlan.Attempt> next = new ArrayList<>();
                if (pin) next.add(new RoutePlan.Attempt(new ModelRef(ref.id(), answer.provider()),
                        "the provider that called the tools", true));
                next.addAll(plan.subList(i, plan.size()));
                plan = next;
                once = pin;   // asked once: when it fails, the plan comes next
                break;
            }
            if (tools.exhausted()) asking = run.with(ToolRunner.withoutTools(run.settings()));
            output = shown[0] = report.output();
        }
    }

    /** The tools offered with each question, or none (null). */
    private ToolRunner tools;

    void useTools(ToolRunner runner) { tools = runner; }

    private void record(Instant at, long started, ModelRef chosen, ChatReport.Turn turn, List<JsonValue> added,
            String outcome, String error) {
        turns++;
        ChatRun.Answer a = turn == null ? null : turn.answer();
        BigDecimal cost = turn == null ? null : turn.cost();
        if (log == null) return;
        JsonObject line = ChatLog.turn(cid, turns, at, (System.nanoTime() - started) / 1_000_000, chosen, a, cost,
                added, outcome, error);
        try {
            if (!log.append(line)) {
                Cli.warn(err, "another process held the conversation log " + log.file() + " for over "
                        + Figures.seconds(SafeFile.APPEND_WAIT) + "; this turn was not logged");
            }
        } catch (IOException e) {
            Cli.warn(err, "could not write the conversation log " + log.file() + ": " + e.getMessage());
        }
    }
}
