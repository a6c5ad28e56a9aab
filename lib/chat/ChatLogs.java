import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code chat logs [-n N] [-q TEXT] [--cid ID] [--json]} and {@code chat logs --path}: the conversation log, newest
 * turn first, a line a turn: when (UTC), conversation id, model, provider, tokens, cost, the question's start.
 */
final class ChatLogs {
    private ChatLogs() { }

    static final Options OPTIONS = new Options()
            .add("--limit", "-n", "N", "the newest N turns (default 20)")
            .add("--query", "-q", "TEXT", "turns whose question or answer holds TEXT (any case)")
            .add("--cid", null, "ID", "the turns of conversation ID")
            .add("--json", null, null, "the turns as logged, a JSON array")
            .add("--path", null, null, "print where the log is, and nothing else");

    static int run(CommandLine cli, Env env, PrintStream out, PrintStream err) throws IOException {
        int limit = 20;
        String query = null, cid = null;
        boolean json = false;
        while (cli.hasNext()) {
            String arg = cli.next();
            switch (OPTIONS.take(cli, arg)) {
                case "--limit" -> limit = cli.intValue(arg, 1);
                case "--query" -> query = cli.value(arg).toLowerCase(Locale.ROOT);
                case "--cid" -> cid = cli.value(arg);
                case "--json" -> json = true;
                case "--path" -> {
                    out.println(ChatLog.path(env));
                    return Cli.OK;
                }
                default -> throw new IllegalStateException(arg);
            }
        }
        ChatLog log = new ChatLog(ChatLog.path(env));
        List<JsonObject> shown = new ArrayList<>();
        boolean[] any = {false};
        String wanted = cid, text = query;
        int most = limit;
        log.newestFirst(cid, query, t -> {
            any[0] = true;
            if (wanted != null && !wanted.equals(t.string("cid"))) return true;
            if (text != null && !(question(t) + "\n" + t.stringOr("answer",
                    "")).toLowerCase(Locale.ROOT).contains(text)) return true;
            shown.add(t);
            return shown.size() < most;
        });
        if (json) {
            Output.json(out, Json.pretty(new JsonArray(new ArrayList<>(shown))));
            return Cli.OK;
        }
        if (shown.isEmpty()) {
            Cli.say(err, (!any[0] && log.lastCid() == null ? "nothing logged yet" : "no turn matches") + " ("
                    + env.display(log.file()) + ")");
            return Cli.OK;
        }
        for (JsonObject t : shown) out.println(line(t));
        return Cli.OK;
    }

    /**
     * {@code 2026-12-02 17:05 20261202-170501-3f9a deepseek-ai/DeepSeek-R1 together 26+20 tokens $0.000218 What is...}.
     */
    static String line(JsonObject t) {
        String time = t.stringOr("time", "?").replace('T', ' ');
        time = time.length() >= 16 ? time.substring(0, 16) : time;
        String model = t.string("model") != null ? t.string("model") : ModelRef.withoutPrefix(t.stringOr("ref", "?"));
        String tokens;
        JsonObject usage = t.object("usage");
        if (!"ok".equals(t.string("outcome"))) tokens = t.stringOr("outcome", "?");
        else if (usage != null) tokens = usage.longOr("prompt", 0) + "+" + usage.longOr("completion", 0) + " tokens";
        else tokens = "- tokens";
        String cost = t.decimal("cost") != null ? ChatReport.dollars(t.decimal("cost")) : "-";
        String question = Printable.line(question(t).replaceAll("\\s+", " ").strip());
        if (question.length() > 60) question = question.substring(0, 59) + "\u2026";
        return String.join("  ", time, t.stringOr("cid", "?"), Printable.line(model),
                Printable.line(t.stringOr("provider", "-")), tokens, cost, question);
    }

    /** The text of the turn's question (its last user message; the text parts of one with attachments). */
    static String question(JsonObject t) {
        JsonArray messages = t.array("messages");
        String text = "";
        for (JsonObject m : messages == null ? List.<JsonObject>of() : messages.objects()) {
            if (!"user".equals(m.string("role"))) continue;
            JsonValue content = m.get("content");
            if (content instanceof JsonString s) text = s.value();
            else if (content instanceof JsonArray parts) {
                StringBuilder sb = new StringBuilder();
                for (JsonObject p : parts.objects()) if ("text".equals(p.string("type"))) sb.append(p.stringOr("text",
                        ""));
                text = sb.toString();
            }
        }
        return text;
    }
}
