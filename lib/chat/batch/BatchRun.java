import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code chat --batch}: every item of a {@link BatchInput} asked as {@code chat} asks one question (the plan,
 * retries, fallbacks), up to {@code --concurrency} at a time through one HTTP client, paced by {@link Pacer}; a
 * line per item to {@link BatchOutput} as it finishes; a summary on stderr (and, on a terminal, a progress line).
 * It stops dispatching, letting what is in flight finish, before an item that could take the spend past
 * {@code --max-cost}, at a 402 (every item bills the same account), or at Ctrl-C (a second one stops at once).
 */
final class BatchRun {
    /** How often an item ended by 429s is asked again, each time after the pacer's backoff. */
    static final int RATE_LIMITED_ROUNDS = 5;

    /** What the run is set to: the chain for items that name no model, the system prompt, how to ask. */
    record Setup(List<ModelRef> chain, List<ModelRef> fallbacks, String system, Map<String, String> aliases,
            ChatRun.Settings settings, JsonObject schema, int concurrency, List<RouterModel> known) { }

    private final Setup setup;
    private final RouterClient router;
    private final BatchOutput output;
    private final ChatLog log;
    private final String cid;
    private final Term term;
    private final PrintStream err;
    private final Pacer pacer;
    private final ChatRun.Pause pause;
    private final java.util.Random random;
    private final java.util.function.Supplier<List<String>> budget;

    private volatile String stopped;
    private volatile boolean interrupted;
    private final AtomicInteger answered = new AtomicInteger(), failed = new AtomicInteger(),
            unpriced = new AtomicInteger();
    private int skipped;
    private BigDecimal spent = BigDecimal.ZERO, reserved = BigDecimal.ZERO;
    private final long started = System.nanoTime();
    private long lastProgress;
    private boolean progressShown;
    private final List<String> budgetLines = new ArrayList<>();

    BatchRun(Setup setup, RouterClient router, BatchOutput output, ChatLog log, String cid, Term term,
            PrintStream err, ChatRun.Pause pause, java.util.Random random,
            java.util.function.Supplier<List<String>> budget) {
        this.setup = setup;
        this.router = router;
        this.output = output;
        this.log = log;
        this.cid = cid;
        this.term = term;
        this.err = err;
        this.pause = pause;
        this.random = random;
        this.budget = budget;
        this.pacer = new Pacer(setup.concurrency(), pause::pause);
    }

    /** Ctrl-C: the first stops dispatching; the caller ends the process on the second. */
    boolean interrupt() {
        if (interrupted) return true;
        interrupted = true;
        stop("interrupted");
        Cli.say(err, "stopping: waiting for the " + pacer.inFlight() + " in flight (Ctrl-C again stops at once)");
        return false;
    }

    /** Items started and not yet ended (asked, waiting after a 429, or writing their line). */
    private int unended;

    private synchronized void started() { unended++; }

    private synchronized void ended() {
        unended--;
        notifyAll();
    }

    private synchronized void awaitEnded() throws InterruptedException {
        while (unended > 0) wait();
    }

    private synchronized void stop(String why) {
        if (stopped == null) stopped = why;
    }

    /** Runs every item of {@code input} not in {@code done}; {@code total}: how many the input holds, or -1. */
    int run(BatchInput input, Set<String> done, long total) throws Exception {
        // A thread per item started: those in flight are bounded by the pacer, and an item waiting to be asked again
        // after a 429 holds no place, so a fixed pool could leave a started item queued behind it.
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "batch");
            t.setDaemon(true);
            return t;
        });
        try {
            BatchItem item;
            while (stopped == null && (item = input.next()) != null) {
                if (done.contains(item.id())) {
                    skipped++;
                    continue;
                }
                Prepared p = prepare(item);
                if (p == null) continue;
                // A place first, then the cap: what is still in flight has been counted by then, or has finished.
                pacer.acquire();
                if (stopped != null || !reserve(p)) {
                    pacer.release(false);
                    break;
                }
                started();
                workers.execute(() -> {
                    try {
                        ask(p, total);
                    } finally {
                        ended();
                    }
                });
            }
            // Not the pacer's drain: an item waiting to be let in again after a 429 holds no place, yet is not done.
            awaitEnded();
        } finally {
            workers.shutdownNow();
        }
        if (progressShown) err.println();
        summary(total);
        if (interrupted) return Cli.INTERRUPTED;
        return stopped != null || failed.get() > 0 ? Cli.FAILURE : Cli.OK;
    }

    /** An item ready to ask: its plan, messages, settings, and what it may cost at most (null: no price). */
    private record Prepared(BatchItem item, List<RoutePlan.Attempt> attempts, ModelRef chosen, List<JsonValue> messages,
            ChatRun.Settings settings, BigDecimal most) { }

    private Prepared prepare(BatchItem item) throws IOException {
        List<ModelRef> chain = setup.chain();
        if (item.model() != null) {
            try {
                chain = new ArrayList<>(List.of(ModelRef.resolve(item.model(), setup.aliases())));
                for (ModelRef f : setup.fallbacks()) if (!chain.contains(f)) chain.add(f);
            } catch (ModelRefException e) {
                finish(item, null, null, null, 0, "body.model: " + e.getMessage());
                return null;
            }
        }
        List<JsonValue> messages = new ArrayList<>();
        boolean hasSystem = item.messages().stream().anyMatch(m -> m instanceof JsonObject o
                && "system".equals(o.string("role")));
        if (setup.system() != null && !hasSystem) messages.add(ChatReport.message("system", setup.system()));
        messages.addAll(item.messages());
        ChatRun.Settings settings = setup.settings().with(item.body());
        RoutePlan plan = RoutePlan.of(chain, RoutePlan.Needs.of(messages, settings), setup.known(),
                settings.reroute());
        if (plan.attempts.isEmpty()) {
            finish(item, null, null, null, 0, "no model of the chain can serve this request");
            return null;
        }
        List<CostEstimate.Range> ranges = CostEstimate.of(plan, setup.known());
        return new Prepared(item, plan.attempts, chain.get(0), messages, settings,
                ranges.isEmpty() ? null : ranges.get(0).most());
    }

    /** Holds the item's most against --max-cost; false (and the run stopped, said why) when it does not fit. */
    private synchronized boolean reserve(Prepared p) {
        BigDecimal cap = setup.settings().maxCost();
        if (cap == null) return true;
        String where = p.item().id() + " (line " + p.item().line() + ")";
        if (p.most() == null) {
            stop("stopped before " + where + ": " + p.attempts().get(0).ref().routerId()
                    + " has no listed price to hold to " + setup.settings().maxCostFrom() + " $" + cap.toPlainString());
            return false;
        }
        BigDecimal after = spent.add(reserved).add(p.most());
        if (after.compareTo(cap) > 0) {
            stop("stopped before " + where + ": it may cost up to " + ChatReport.dollars(p.most()) + ", and "
                    + ChatReport.dollars(spent) + " is spent" + (reserved.signum() == 0 ? "" : " and "
                    + ChatReport.dollars(reserved) + " in flight") + ", over " + setup.settings().maxCostFrom() + " $"
                    + cap.toPlainString());
            return false;
        }
        reserved = reserved.add(p.most());
        return true;
    }

    private synchronized void unreserve(BigDecimal most) {
        if (most != null && setup.settings().maxCost() != null) reserved = reserved.subtract(most);
    }

    private void ask(Prepared p, long total) {
        long begun = System.nanoTime();
        int[] last = {0};
        boolean[] budgetStop = {false};
        ChatRun run = new ChatRun(router, p.settings(), pause, random, SafeOutput.NOWHERE, () -> {
            budgetStop[0] = true;
            List<String> why = budget.get();
            synchronized (budgetLines) {
                if (budgetLines.isEmpty()) budgetLines.addAll(why);
            }
            return List.of();
        }, status -> last[0] = status);
        // The place in flight is given back only after the item's line is written and its cost counted, so that the
        // next item is held to --max-cost with this one's spend in.
        boolean held = true;
        try {
            for (int round = 1; ; round++) {
                ChatOutput quiet = new ChatOutput(SafeOutput.NOWHERE, SafeOutput.NOWHERE, Term.PLAIN, true, true);
                try {
                    ChatRun.Answer answer = run.ask(p.attempts(), p.messages(), quiet, false);
                    finish(p, answer, begun, null);
                    return;
                } catch (Cli.Failure f) {
                    boolean rateLimited = last[0] == 429;
                    if (budgetStop[0]) stop("stopped at a 402: " + f.getMessage());
                    if (!rateLimited || round >= RATE_LIMITED_ROUNDS || stopped != null) {
                        String why = f.getMessage();
                        // No line went to stderr for it: the item's line says what the last attempt met.
                        if (run.lastFailure() != null && !why.startsWith(run.lastFailure())) {
                            why = run.lastFailure() + "; " + why;
                        }
                        finish(p, null, begun, why);
                        return;
                    }
                    // Slowed down, not failed: the place goes back as a 429's, and the item waits its turn again.
                    held = false;
                    pacer.release(true);
                    pacer.acquire();
                    held = true;
                }
            }
        } catch (InterruptedException e) {
            unreserve(p.most());
        } catch (IOException e) {
            stop("cannot write the output: " + Cli.reason(e));
        } finally {
            if (held) pacer.release(false);
            progress(total);
        }
    }

    private void finish(Prepared p, ChatRun.Answer answer, long begun, String error) throws IOException {
        BigDecimal cost = answer == null ? null : ChatReport.cost(answer, setup.known());
        JsonValue shown = null;
        if (answer != null && setup.schema() != null) {
            try {
                shown = StructuredAnswer.check(answer.content(), setup.schema());
            } catch (Cli.Failure f) {
                error = f.getMessage();
            }
        }
        synchronized (this) {
            // An answer without a price counts as the most it could have cost: the cap holds all the same.
            if (answer != null) spent = spent.add(cost != null ? cost : p.most() != null ? p.most() : BigDecimal.ZERO);
        }
        unreserve(p.most());
        if (answer != null && cost == null) unpriced.incrementAndGet();
        finish(p.item(), p.chosen(), answer, cost, (System.nanoTime() - begun) / 1_000_000, error, shown,
                p.messages());
    }

    private void finish(BatchItem item, ModelRef chosen, ChatRun.Answer answer, BigDecimal cost, long ms,
            String error) throws IOException {
        finish(item, chosen, answer, cost, ms, error, null, item.messages());
    }

    private void finish(BatchItem item, ModelRef chosen, ChatRun.Answer answer, BigDecimal cost, long ms,
            String error, JsonValue structured, List<JsonValue> messages) throws IOException {
        boolean ok = answer != null && error == null;
        (ok ? answered : failed).incrementAndGet();
        List<Object> fields = new ArrayList<>();
        if (!item.id().equals(BatchItem.lineId(item.line()))) fields.addAll(List.of("custom_id",
                JsonValue.of(item.id())));
        fields.addAll(List.of("line", JsonValue.of(item.line())));
        if (answer != null) {
            fields.addAll(List.of("model", JsonValue.of(answer.model()), "provider",
                    JsonValue.orNull(answer.provider()), "answer", structured != null ? structured
                            : JsonValue.of(answer.content()), "usage", ChatLog.usage(answer),
                    "cost", cost == null ? JsonValue.NULL : JsonValue.of(cost.setScale(6,
                            java.math.RoundingMode.HALF_UP).stripTrailingZeros())));
        }
        if (error != null) fields.addAll(List.of("error", JsonValue.of(error)));
        fields.addAll(List.of("durationMs", JsonValue.of(ms)));
        output.write(JsonValue.object(fields.toArray()));
        if (log != null && chosen != null) {
            log.append(ChatLog.turn(cid, (int) item.line(), Instant.now(), ms, chosen, answer, cost, messages,
                    ok ? "ok" : "failed", error));
        }
    }

    /** On a terminal: {@code batch: 120/1000 done, 2 failed, 8.1/s, $0.0123, about 1m48s left}, rewritten. */
    private synchronized void progress(long total) {
        if (!term.tty()) return;
        long now = System.nanoTime();
        if (now - lastProgress < 100_000_000L) return;
        lastProgress = now;
        int done = answered.get() + failed.get();
        double seconds = (now - started) / 1e9, rate = done / Math.max(seconds, 0.001);
        String left = total > 0 && rate > 0 ? ", about " + Figures.seconds(java.time.Duration.ofSeconds(
                Math.round((total - skipped - done) / rate))) + " left" : "";
        err.print("\r\033[K" + Running.program() + ": " + done + (total > 0 ? "/" + (total - skipped) : "")
                + " done, " + failed.get() + " failed, " + Figures.plain(Math.round(rate * 10) / 10.0) + "/s, "
                + ChatReport.dollars(spent) + left);
        err.flush();
        progressShown = true;
    }

    /** {@code batch: 1000 items: 996 answered, 4 failed; $0.12 (3 without a price); 41 s}. */
    private void summary(long total) {
        for (String line : budgetLines) Cli.say(err, line);
        if (stopped != null && !interrupted) Cli.say(err, stopped);
        int a = answered.get(), f = failed.get();
        long notAsked = total < 0 ? -1 : total - skipped - a - f;
        Cli.say(err, (a + f) + (a + f == 1 ? " item" : " items") + ": " + a + " answered, " + f + " failed"
                + (skipped > 0 ? ", " + skipped + " done before (--resume)" : "")
                + (notAsked > 0 ? ", " + notAsked + " not asked" : "") + "; "
                + ChatReport.dollars(spent) + (unpriced.get() > 0 ? " (" + unpriced.get() + " without a price)" : "")
                + "; " + Figures.seconds(java.time.Duration.ofMillis((System.nanoTime() - started) / 1_000_000)));
    }
}
