import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hugging Face token and where it came from. Its {@code toString} is masked: a token is never
 * printed whole, not even by accident in a log line or an exception message.
 */
final class Token {
    /** OpenClaw reads the first two; the Hugging Face libraries also know the third (deprecated). */
    static final List<String> VARIABLES = List.of("HUGGINGFACE_HUB_TOKEN", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN");

    private final String value;
    private final String source;
    private final boolean openClawReads;

    Token(String value, String source) { this(value, source, true); }

    /** {@code openClawReads}: false for a source only this toolkit reads (the Hugging Face token file). */
    Token(String value, String source, boolean openClawReads) {
        Running.secret(value);
        this.value = clean(value);
        Running.secret(this.value);
        this.source = source;
        this.openClawReads = openClawReads;
    }

    /**
     * The token as the Hugging Face libraries take it: without the whitespace around it (a pasted line end),
     * and without a byte-order mark or zero-width characters anywhere (Notepad, a web page's copy).
     */
    static String clean(String token) {
        StringBuilder sb = new StringBuilder(token.length());
        for (char c : token.toCharArray()) {
            if (c != '\ufeff' && c != '\u200b' && c != '\u200c' && c != '\u200d' && c != '\u2060') sb.append(c);
        }
        return sb.toString().strip();
    }

    /**
     * Why this token cannot go in a request header (a character outside visible ASCII), naming where it came
     * from and showing only the mask; null when it can.
     */
    String problem() {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return String.format("the token from %s (%s) holds a character no request can carry (U+%04X); copy it "
                        + "again, or run %s", source, masked(), (int) c, Invocation.command("onboard"));
            }
        }
        return null;
    }

    /** The secret itself: only for an Authorization header or the .env file. */
    String secret() { return value; }

    String source() { return source; }

    /** Whether OpenClaw reads this source too; if not, OpenClaw reports "Missing auth" with this token. */
    boolean openClawReads() { return openClawReads; }

    String masked() { return mask(value); }

    @Override
    public String toString() { return masked() + " (" + source + ")"; }

    /**
     * {@code hf_...wxyz}: the prefix, then at most the last four characters, fewer for a short token; a shown
     * character that is not visible ASCII is a {@code ?}, so that a mask never carries a control character.
     */
    static String mask(String token) {
        String prefix = token.startsWith("hf_") ? "hf_" : "";
        String rest = token.substring(prefix.length());
        int shown = Math.min(4, rest.length() / 4);
        StringBuilder tail = new StringBuilder();
        for (char c : rest.substring(rest.length() - shown).toCharArray()) tail.append(c >= 0x21 && c <= 0x7e ? c
                : '?');
        return prefix + "\u2026" + tail;
    }

    /**
     * What {@link #find} and {@link #all} found: the tokens, first the one used; {@code blocked}, when OpenClaw
     * stops with no key (an unresolvable SecretRef, say), the one-line reason, and then no token is used here either;
     * {@code notes}, sources OpenClaw uses that this toolkit cannot read.
     */
    record Found(List<Token> tokens, String blocked, List<String> notes) {
        Token first() { return tokens.isEmpty() ? null : tokens.get(0); }
    }

    /**
     * The token, first found wins, in the order OpenClaw itself finds its key ({@link OpenClawAuth}), then what only
     * this toolkit reads: {@code HUGGING_FACE_HUB_TOKEN} and the Hugging Face token file. Null when there is none,
     * or when OpenClaw would have none ({@link Found#blocked}).
     */
    static Token find(Env env, JsonValue config) { return collect(env, config, false).first(); }

    /** Every token found, in {@link #find}'s order, each source once: for {@code models status}. */
    static Found all(Env env, JsonValue config) { return collect(env, config, true); }

    /** {@link #find} with the reason when there is none because OpenClaw would have none. */
    static Found first(Env env, JsonValue config) { return collect(env, config, false); }

    private static Found collect(Env env, JsonValue config, boolean all) {
        List<Token> found = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean unread = false;   // OpenClaw uses a source we cannot read: what we find after it is not what it sends
        for (OpenClawAuth.Found f : OpenClawAuth.steps(env, config)) {
            if (f.token() == null && f.fatal()) {
                if (found.isEmpty()) return new Found(found, f.problem(), notes);
                break;
            }
            if (f.problem() != null) notes.add(f.problem());
            if (f.token() == null) {
                unread = true;
                continue;
            }
            Token t = unread && f.token().openClawReads() ? new Token(f.token().secret(), f.token().source(), false)
                    : f.token();
            if (add(found, t, all)) return new Found(found, null, notes);
        }
        Env.Value old = env.lookup("HUGGING_FACE_HUB_TOKEN", VARIABLES);
        if (old != null && !old.value().isBlank() && add(found, new Token(old.value().strip(), old.source(), false),
                all)) return new Found(found, null, notes);
        Path file = tokenFile(env);
        try {
            if (Files.isRegularFile(file)) {
                String t = FileReads.text(file, FileReads.MAX_SMALL_FILE).strip();
                if (!t.isEmpty()) add(found, new Token(t, "token file " + env.display(file), false), all);
            }
        } catch (IOException e) {
            // unreadable token file: as if there were none
        }
        return new Found(found, null, notes);
    }

    /** Adds {@code token} unless that source is there already; true when that is enough (only the first is wanted). */
    private static boolean add(List<Token> found, Token token, boolean all) {
        for (Token t : found) if (t.source.equals(token.source)) return false;
        found.add(token);
        return !all;
    }

    /**
     * Keeps the token where OpenClaw will read it ({@link OpenClawAuth#storage}): in {@code $OPENCLAW_STATE_DIR/.env}
     * (0600, other lines kept) under {@code HF_TOKEN}, or under the variable OpenClaw's profile or SecretRef names;
     * never in {@code openclaw.json} or OpenClaw's database.
     */
    record Stored(Path file, String variable, String notRead) { }

    static Stored store(Env env, JsonValue config, Token token) throws Exception {
        OpenClawAuth.Storage where = OpenClawAuth.storage(env, config, token.secret());
        Path file = env.stateDir().resolve(".env");
        DotEnv.store(file, where.variable(), token.secret(), env.lockWait());
        return new Stored(file, where.variable(), where.notRead());
    }

    /**
     * Where the Hugging Face libraries keep the token: $HF_TOKEN_PATH, else $HF_HOME/token, else the cache folder's.
     */
    static Path tokenFile(Env env) {
        if (env.process("HF_TOKEN_PATH") != null) return env.expand(env.process("HF_TOKEN_PATH"));
        if (env.process("HF_HOME") != null) return env.expand(env.process("HF_HOME")).resolve("token");
        Path cache = env.process("XDG_CACHE_HOME") != null ? env.expand(env.process("XDG_CACHE_HOME"))
                : env.home().resolve(".cache");
        return cache.resolve("huggingface").resolve("token");
    }
}
