import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The conversation log: every {@code chat} exchange, one JSON line a turn, in
 * {@code $OPENCLAW_STATE_DIR/huggingface/chat-log.jsonl} (folder 0700, file 0600; a folder of ours, which OpenClaw
 * does not read). A turn: {@code cid} (its conversation), {@code turn}, {@code time}, {@code ref} (the model the
 * user chose), {@code model} (as sent), {@code provider} and {@code requestId} (as the router said),
 * {@code messages} (what this turn added: the system prompt when it is new, then the question), {@code answer},
 * {@code reasoning}, {@code usage}, {@code cost} (USD), {@code durationMs}, {@code outcome} ({@code ok},
 * {@code failed}, {@code interrupted}) and {@code error}.
 * <p>
 * Each turn is one append of one whole line, under a file lock waited for a bounded time ({@link SafeFile#append});
 * a line cut short by a crash is skipped when reading, and the next append starts on a line of its own. Every
 * secret this run holds, and any pasted token of the Hugging Face shape, is redacted from a line before it is
 * written. It is read from the end, in constant memory ({@link FileReads#linesFromEnd}). {@code --no-log}, or {@code
 * HF_CHAT_LOG=off}, turns it off.
 */
final class ChatLog {
    static final String SWITCH = "HF_CHAT_LOG";
    private final Path file;

    ChatLog(Path file) { this.file = file; }

    static Path path(Env env) { return env.stateDir().resolve("huggingface").resolve("chat-log.jsonl"); }

    /** Whether HF_CHAT_LOG (environment, .env files, config env.vars) turns the log off: off, 0, false, no. */
    static boolean off(Env env) {
        Env.Value v = env.lookup(SWITCH);
        return v != null && List.of("off", "0", "false", "no").contains(v.value().strip().toLowerCase(Locale.ROOT));
    }

    Path file() { return file; }

    /** The longest line read back: a turn with a 10 MB image attached is about 14 MB of base64. */
    static final int MAX_LINE = 32 * 1024 * 1024;
    /** An access token of the Hugging Face shape ({@code hf_} and 30 or more letters and digits), ours or pasted. */
    private static final java.util.regex.Pattern HF_TOKEN = java.util.regex.Pattern.compile("hf_[A-Za-z0-9]{30,}");

    /**
     * Appends {@code turn} as one line, every secret this run holds and every token of the Hugging Face shape
     * redacted; false when another process held the log's lock past {@link SafeFile#APPEND_WAIT} (nothing written).
     */
    boolean append(JsonObject turn) throws IOException {
        return SafeFile.append(file, (redactedLine(turn) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code value} as one JSON line with every secret this run holds and every token of the Hugging Face shape
     * redacted: the rule for every line written to a file a model's words reach (the log, a batch's --out).
     */
    static String redactedLine(JsonValue value) {
        return HF_TOKEN.matcher(Running.redact(Json.write(value))).replaceAll("[redacted]");
    }

    /**
     * The turns of the log to {@code each}, newest first, until it returns false; lines that are not a whole JSON
     * object (a crash's, or one cut inside a character by a full disk) are skipped. Read from the end in constant
     * memory, so a long log costs no more than a short one to look at. {@code mustContain}: lines without this
     * text are passed over unparsed (a conversation id), or null.
     */
    void newestFirst(String mustContain, Predicate<JsonObject> each) throws IOException { newestFirst(mustContain, null,
            each); }

    /**
     * {@link #newestFirst}, also passing over unparsed the lines whose text does not hold {@code textLowerCase} in any
     * case, when that text is one the log holds as it is (JSON escapes nothing in it: no quote, backslash or control
     * character): a search of a long log then parses only the lines that may match. ASCII text is matched on the
     * bytes, A-Z folded, before any decoding; other text on the decoded line.
     */
    void newestFirst(String mustContain, String textLowerCase, Predicate<JsonObject> each) throws IOException {
        String raw = textLowerCase != null && textLowerCase.chars().noneMatch(c -> c < 0x20 || c == '"' || c == '\\'
                || c == 0x2028 || c == 0x2029)
                ? textLowerCase : null;
        boolean ascii = raw != null && raw.chars().allMatch(c -> c < 0x80);
        List<FileReads.Needle> needles = new ArrayList<>();
        if (mustContain != null) needles.add(new FileReads.Needle(mustContain.getBytes(StandardCharsets.UTF_8), false));
        if (ascii) needles.add(new FileReads.Needle(raw.getBytes(StandardCharsets.US_ASCII), true));
        String decodedCheck = ascii ? null : raw;
        try {
            FileReads.linesFromEnd(file, MAX_LINE, needles, line -> {
                if (line.isBlank() || (decodedCheck != null
                        && !line.toLowerCase(Locale.ROOT).contains(decodedCheck))) return true;
                try {
                    if (Json.parse(line) instanceof JsonObject o && o.string("cid") != null) return each.test(o);
                } catch (JsonException e) {
                    // a line cut short: skipped
                }
                return true;
            });
        } catch (FileReads.NotRegular e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** Conversation {@code cid}'s turns, oldest first (only they are held in memory). */
    List<JsonObject> conversation(String cid) throws IOException {
        List<JsonObject> turns = new ArrayList<>();
        newestFirst(cid, t -> {
            if (cid.equals(t.string("cid"))) turns.add(t);
            return true;
        });
        java.util.Collections.reverse(turns);
        return turns;
    }

    /** The id of the most recent conversation, or null when nothing is logged. */
    String lastCid() throws IOException {
        String[] cid = {null};
        newestFirst(null, t -> {
            cid[0] = t.string("cid");
            return false;
        });
        return cid[0];
    }

    /**
     * A turn as the log holds it: {@code answer} null for a failed one, {@code cost} null when unpriced, {@code added}
     * the messages this turn added. The one shape a chat and a batch item are logged in.
     */
    static JsonObject turn(String cid, int turn, java.time.Instant at, long durationMs, ModelRef chosen,
            ChatRun.Answer a, java.math.BigDecimal cost, List<JsonValue> added, String outcome, String error) {
        return JsonValue.object("cid", JsonValue.of(cid), "turn", JsonValue.of(turn), "time",
                JsonValue.of(UtcTime.format(at)),
                "ref", JsonValue.of(chosen.ref()), "model", a == null ? JsonValue.NULL : JsonValue.of(a.model()),
                "provider", a == null || a.provider() == null ? JsonValue.NULL : JsonValue.of(a.provider()),
                "requestId", a == null || a.requestId() == null ? JsonValue.NULL : JsonValue.of(a.requestId()),
                "messages", new JsonArray(added),
                "answer", a == null ? JsonValue.NULL : JsonValue.of(a.content()),
                "reasoning", a == null || a.reasoning().isEmpty() ? JsonValue.NULL : JsonValue.of(a.reasoning()),
                "usage", usage(a),
                "cost", cost == null ? JsonValue.NULL : JsonValue.of(cost.setScale(6,
                        java.math.RoundingMode.HALF_UP).stripTrailingZeros()),
                "durationMs", JsonValue.of(durationMs),
                "outcome", JsonValue.of(outcome), "error", error == null ? JsonValue.NULL : JsonValue.of(error));
    }

    /** An answer's usage as the log (and a batch's output) holds it: {@code {prompt, completion, total}}, or null. */
    static JsonValue usage(ChatRun.Answer a) {
        return a == null || a.usage() == null ? JsonValue.NULL : JsonValue.object("prompt",
                JsonValue.of(a.usage().prompt()), "completion", JsonValue.of(a.usage().completion()), "total",
                JsonValue.of(a.usage().total()));
    }

    /** A new conversation id: when it started, and 4 random hex digits ({@code 20261202-170501-3f9a}). */
    static String newCid(java.time.Instant now, java.util.Random random) {
        String time = UtcTime.format(now).replaceAll("[-:]", "").replace('T', '-');
        return time.substring(0, 15) + "-" + String.format("%04x", random.nextInt(0x10000));
    }
}
