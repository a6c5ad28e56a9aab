import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conversation log: every {@code chat} exchange, one JSON line a turn, in
 * {@code $OPENCLAW_STATE_DIR/huggingface/chat-log.jsonl} (folder 0700, file 0600; a folder of ours, which OpenClaw
 * does not read). A turn: {@code cid} (its conversation), {@code turn}, {@code time}, {@code ref} (the model the
 * user chose), {@code model} (as sent), {@code provider} and {@code requestId} (as the router said),
 * {@code messages} (what this turn added: the system prompt when it is new, then the question), {@code answer},
 * {@code reasoning}, {@code usage}, {@code cost} (USD), {@code durationMs}, {@code outcome} ({@code ok},
 * {@code failed}, {@code interrupted}) and {@code error}.
 * <p>
 * Each turn is one append of one whole line, under a file lock; a line cut short by a crash is skipped when
 * reading, and the next append starts on a line of its own. Every secret this run holds is redacted from a
 * line before it is written. {@code --no-log}, or {@code HF_CHAT_LOG=off}, turns it off.
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

    /** Appends {@code turn} as one line. */
    void append(JsonObject turn) throws IOException {
        byte[] line = (Cli.redact(Json.write(turn)) + "\n").getBytes(StandardCharsets.UTF_8);
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by another chat at the same time
            }
        }
        try (FileChannel out = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))); var lock = out.lock()) {
            long size = out.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            // A line cut short by a crash gets its end here, so that this turn is a line of its own.
            boolean cut = size > 0 && out.read(last, size - 1) == 1 && last.get(0) != '\n';
            ByteBuffer bytes = ByteBuffer.wrap(cut ? concat(new byte[] {'\n'}, line) : line);
            long at = size;
            while (bytes.hasRemaining()) at += out.write(bytes, at);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Every turn in the log, oldest first; lines that are not a whole JSON object (a crash's) are skipped. */
    List<JsonObject> turns() throws IOException {
        List<JsonObject> turns = new ArrayList<>();
        if (!Files.exists(file)) return turns;
        try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) continue;
                try {
                    if (Json.parse(line) instanceof JsonObject o && o.string("cid") != null) turns.add(o);
                } catch (JsonException e) {
                    // a line cut short: skipped
                }
            }
        }
        return turns;
    }

    /** The turns of conversation {@code cid} among {@code turns} (as {@link #turns} read them), oldest first. */
    static List<JsonObject> conversation(List<JsonObject> turns, String cid) {
        List<JsonObject> conversation = new ArrayList<>();
        for (JsonObject t : turns) if (cid.equals(t.string("cid"))) conversation.add(t);
        return conversation;
    }

    /** A new conversation id: when it started, and 4 random hex digits ({@code 20261202-170501-3f9a}). */
    static String newCid(java.time.Instant now, java.util.Random random) {
        String time = UtcTime.format(now).replaceAll("[-:]", "").replace('T', '-');
        return time.substring(0, 15) + "-" + String.format("%04x", random.nextInt(0x10000));
    }
}
