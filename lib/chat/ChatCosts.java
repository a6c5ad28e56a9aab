import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code chat costs [--since WHEN] [--by day|model|provider] [--json]}: what the conversation log says was spent, the
 * answered turns summed by day (UTC), model or provider. The router says no cost: each turn's is its usage at the
 * listed price of the provider that served it, as the turn logged it. A turn logged without one (no price was listed,
 * or no model list was cached) is counted as such, never as $0; a turn that failed or was interrupted reported no
 * usage and is left out, said so.
 */
final class ChatCosts {
    private ChatCosts() { }

    static final Options OPTIONS = new Options()
            .add("--since", null, "WHEN", "only turns from WHEN on: a day (2026-12-01, UTC), a time\n"
                    + "(2026-12-01T09:00:00Z) or an age (7d, 12h)")
            .add("--by", null, "KEY", "sum by day (the default), model or provider")
            .add("--json", null, null, "the sums as JSON");

    /** What the turns are summed by. */
    enum By {
        DAY, MODEL, PROVIDER;

        String key() { return name().toLowerCase(Locale.ROOT); }

        /** The turn's value of this key. */
        String of(JsonObject turn) {
            return switch (this) {
                case DAY -> turn.stringOr("time", "?").length() >= 10 ? turn.string("time").substring(0, 10) : "?";
                case MODEL -> turn.string("model") != null ? turn.string("model")
                        : ModelRef.withoutPrefix(turn.stringOr("ref", "?"));
                case PROVIDER -> turn.stringOr("provider", "(not said)");
            };
        }
    }

    /** The sum of a group of answered turns: how many, how many had a price, their tokens, their known cost. */
    static final class Sum {
        final String key;
        int turns, priced;
        long prompt, completion;
        BigDecimal cost = BigDecimal.ZERO;

        Sum(String key) { this.key = key; }

        void add(JsonObject turn) {
            turns++;
            JsonObject usage = turn.object("usage");
            if (usage != null) {
                prompt += usage.longOr("prompt", 0);
                completion += usage.longOr("completion", 0);
            }
            BigDecimal c = turn.decimal("cost");
            if (c != null) {
                priced++;
                cost = cost.add(c);
            }
        }

        /** {@code $0.001234}, {@code $0.001234 + 2 turns without a price}, or {@code no price (2 turns)}. */
        String shownCost() {
            int unpriced = turns - priced;
            if (priced == 0) return "no price listed";
            return ChatReport.dollars(cost) + (unpriced == 0 ? "" : " + " + unpriced
                    + (unpriced == 1 ? " turn" : " turns")
                    + " without a price");
        }

        JsonObject json(String keyName) {
            return JsonValue.object(keyName, JsonValue.of(key), "turns", JsonValue.of(turns), "priced",
                    JsonValue.of(priced), "unpriced", JsonValue.of(turns - priced), "promptTokens",
                    JsonValue.of(prompt),
                    "completionTokens", JsonValue.of(completion),
                    "cost", priced == 0 ? JsonValue.NULL : JsonValue.of(cost.stripTrailingZeros()));
        }
    }

    static int run(CommandLine cli, Env env, PrintStream out, PrintStream err, Instant now) throws IOException {
        Instant since = null;
        String sinceText = null;
        By by = By.DAY;
        boolean json = false;
        while (cli.hasNext()) {
            String arg = cli.next();
            switch (OPTIONS.take(cli, arg)) {
                case "--since" -> {
                    sinceText = cli.value(arg);
                    since = since(sinceText, now);
                }
                case "--by" -> by = by(cli.value(arg));
                case "--json" -> json = true;
                default -> throw new IllegalStateException(arg);
            }
        }
        ChatLog log = new ChatLog(ChatLog.path(env));
        Map<String, Sum> groups = new LinkedHashMap<>();
        Sum total = new Sum("total");
        int[] seen = {0, 0};   // turns logged at all; turns left out (failed, interrupted)
        Instant from = since;
        By key = by;
        log.newestFirst(null, t -> {
            seen[0]++;
            Instant at = time(t);
            if (from != null && (at == null || at.isBefore(from))) return true;
            if (!"ok".equals(t.string("outcome"))) {
                seen[1]++;
                return true;
            }
            groups.computeIfAbsent(key.of(t), Sum::new).add(t);
            total.add(t);
            return true;
        });
        List<Sum> sums = new ArrayList<>(groups.values());
        // Days in the order they came; models and providers by what they cost, the unpriced last.
        sums.sort(by == By.DAY ? Comparator.comparing((Sum s) -> s.key) : Comparator.comparing((Sum s) -> s.cost)
                .reversed().thenComparing(s -> s.key));
        if (json) {
            List<JsonValue> rows = new ArrayList<>();
            for (Sum s : sums) rows.add(s.json(by.key()));
            Output.json(out, Json.pretty(JsonValue.object("since", since == null ? JsonValue.NULL
                    : JsonValue.of(UtcTime.format(since)), "by", JsonValue.of(by.key()), "groups", new JsonArray(rows),
                    "total", total.json(by.key()), "notCounted", JsonValue.of(seen[1]))));
            return Cli.OK;
        }
        if (seen[0] == 0) {
            Cli.say(err, "nothing logged yet (" + env.display(log.file()) + ")");
            return Cli.OK;
        }
        if (sums.isEmpty()) Cli.say(err, "no answered turn" + (since == null ? "" : " since " + sinceText) + " ("
                + env.display(log.file()) + ")");
        else out.print(table(by, sums, total));
        if (seen[1] > 0) Cli.say(err, "not counted: " + seen[1] + (seen[1] == 1 ? " turn that failed or was"
                : " turns that failed or were") + " interrupted (no usage was reported)");
        return Cli.OK;
    }

    /** The sums as a table, a total last: {@code DAY  TURNS  TOKENS IN  TOKENS OUT  COST}. */
    static String table(By by, List<Sum> sums, Sum total) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {by.name(), "TURNS", "TOKENS IN", "TOKENS OUT", "COST"});
        for (Sum s : sums) rows.add(row(Printable.line(s.key), s));
        rows.add(row("total", total));
        int[] width = new int[5];
        for (String[] r : rows) for (int i = 0; i < 5; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(pad(r[0], width[0], false));
            for (int i = 1; i < 4; i++) sb.append("  ").append(pad(r[i], width[i], true));
            sb.append("  ").append(r[4]).append('\n');
        }
        return sb.toString();
    }

    private static String[] row(String key, Sum s) {
        return new String[] {key, String.valueOf(s.turns), String.valueOf(s.prompt), String.valueOf(s.completion),
            s.shownCost()};
    }

    private static String pad(String s, int width, boolean right) {
        String gap = " ".repeat(Math.max(0, width - s.length()));
        return right ? gap + s : s + gap;
    }

    private static Instant time(JsonObject turn) {
        try {
            return turn.string("time") == null ? null : UtcTime.parse(turn.string("time"));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static By by(String text) {
        for (By b : By.values()) if (b.key().equals(text)) return b;
        throw new Cli.UsageException("--by: '" + Printable.line(text) + "' is not one of day, model, provider");
    }

    /** A day (its start, UTC), a time, or an age ({@code 7d}, {@code 12h}) before {@code now}. */
    static Instant since(String text, Instant now) {
        String s = text.strip();
        try {
            if (s.matches("\\d{1,4}[dh]")) {
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                return now.minus(s.endsWith("d") ? Duration.ofDays(n) : Duration.ofHours(n));
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) return UtcTime.parse(s + "T00:00:00Z");
            if (s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?Z?")) {
                String whole = s.endsWith("Z") ? s.substring(0, s.length() - 1) : s;
                return UtcTime.parse((whole.length() == 16 ? whole + ":00" : whole) + "Z");
            }
        } catch (java.time.DateTimeException e) {
            // said below
        }
        throw new Cli.UsageException("--since: '" + Printable.line(text) + "' is not a day (2026-12-01), a time "
                + "(2026-12-01T09:00:00Z) or an age (7d, 12h)");
    }
}
