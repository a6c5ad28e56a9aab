import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Hugging Face token and where it came from. Its {@code toString} is masked: a token is never
 * printed whole, not even by accident in a log line or an exception message.
 */
final class Token {
    /** OpenClaw reads the first two; the Hugging Face libraries also know the third (deprecated). */
    static final List<String> VARIABLES = List.of("HUGGINGFACE_HUB_TOKEN", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private final String value;
    private final String source;
    private final boolean openClawReads;

    Token(String value, String source) { this(value, source, true); }

    /** {@code openClawReads}: false for a source only this toolkit reads (the Hugging Face token file). */
    Token(String value, String source, boolean openClawReads) {
        Cli.secret(value);
        this.value = clean(value);
        Cli.secret(this.value);
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
                return String.format("the token from %s (%s) holds a character no request can carry (U+%04X); copy it again, or run onboard",
                        source, masked(), (int) c);
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
        for (char c : rest.substring(rest.length() - shown).toCharArray()) tail.append(c >= 0x21 && c <= 0x7e ? c : '?');
        return prefix + "\u2026" + tail;
    }

    /**
     * The token, first found wins, in the order OpenClaw itself uses one: OpenClaw's stored profile key
     * ({@link OpenClawKeys}), the variables above (through {@link Env}), the provider's {@code apiKey} in
     * the config (a literal, or the name of a variable), then the Hugging Face token file, which only the
     * Hugging Face libraries and this toolkit read.
     */
    static Token find(Env env, JsonValue config) {
        List<Token> found = collect(env, config, false);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every token found, in {@link #find}'s order, each source once: for {@code models status}. */
    static List<Token> all(Env env, JsonValue config) { return collect(env, config, true); }

    private static List<Token> collect(Env env, JsonValue config, boolean all) {
        List<Token> found = new ArrayList<>();
        Token stored = OpenClawKeys.find(env, config);
        if (stored != null && add(found, stored, all)) return found;
        for (String name : VARIABLES) {
            Env.Value v = env.lookup(name, VARIABLES);
            if (v != null && add(found, new Token(v.value().strip(), v.source(), !name.equals("HUGGING_FACE_HUB_TOKEN")), all)) return found;
        }
        String apiKey = ConfigFile.string(config, ConfigFile.API_KEY);
        if (apiKey != null && !apiKey.isBlank()) {
            Token t = null;
            if (!VARIABLE_NAME.matcher(apiKey).matches()) {
                t = new Token(apiKey.strip(), "config models.providers.huggingface.apiKey");
            } else {
                Env.Value v = env.lookup(apiKey);
                if (v != null) t = new Token(v.value().strip(), v.source() + " via config apiKey");
            }
            if (t != null && add(found, t, all)) return found;
        }
        Path file = tokenFile(env);
        try {
            if (Files.isRegularFile(file)) {
                String t = FileReads.text(file, FileReads.MAX_SMALL_FILE).strip();
                if (!t.isEmpty()) add(found, new Token(t, "token file " + env.display(file), false), all);
            }
        } catch (IOException e) {
            // unreadable token file: as if there were none
        }
        return found;
    }

    /** Adds {@code token}; true when that is enough (only the first is wanted). */
    private static boolean add(List<Token> found, Token token, boolean all) {
        found.add(token);
        return !all;
    }

    /**
     * Keeps the token where the gateway daemon will see it: {@code HF_TOKEN=} in
     * {@code $OPENCLAW_STATE_DIR/.env} (0600, other lines kept), never in {@code openclaw.json}.
     * Returns the file, for the message that says where it went.
     */
    static Path store(Env env, String token) throws Exception {
        Path file = env.stateDir().resolve(".env");
        DotEnv.store(file, "HF_TOKEN", token.strip());
        return file;
    }

    /** Where the Hugging Face libraries keep the token: $HF_TOKEN_PATH, else $HF_HOME/token, else the cache folder's. */
    static Path tokenFile(Env env) {
        if (env.process("HF_TOKEN_PATH") != null) return env.expand(env.process("HF_TOKEN_PATH"));
        if (env.process("HF_HOME") != null) return env.expand(env.process("HF_HOME")).resolve("token");
        Path cache = env.process("XDG_CACHE_HOME") != null ? env.expand(env.process("XDG_CACHE_HOME")) : env.home().resolve(".cache");
        return cache.resolve("huggingface").resolve("token");
    }
}
