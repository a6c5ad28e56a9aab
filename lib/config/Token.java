import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    Token(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /** The secret itself: only for an Authorization header or the .env file. */
    String secret() { return value; }

    String source() { return source; }

    String masked() { return mask(value); }

    @Override
    public String toString() { return masked() + " (" + source + ")"; }

    /** {@code hf_…wxyz}: the prefix, then at most the last four characters, fewer for a short token. */
    static String mask(String token) {
        String prefix = token.startsWith("hf_") ? "hf_" : "";
        String rest = token.substring(prefix.length());
        int shown = Math.min(4, rest.length() / 4);
        return prefix + "…" + rest.substring(rest.length() - shown);
    }

    /**
     * The token, first found wins: the variables above (through {@link Env}), the provider's
     * {@code apiKey} in the config (a literal, or the name of a variable), then the Hugging Face token file.
     */
    static Token find(Env env, JsonValue config) {
        for (String name : VARIABLES) {
            Env.Value v = env.lookup(name, VARIABLES);
            if (v != null) return new Token(v.value().strip(), v.source());
        }
        String apiKey = ConfigFile.string(config, ConfigFile.API_KEY);
        if (apiKey != null && !apiKey.isBlank()) {
            if (!VARIABLE_NAME.matcher(apiKey).matches()) return new Token(apiKey.strip(), "config models.providers.huggingface.apiKey");
            Env.Value v = env.lookup(apiKey);
            if (v != null) return new Token(v.value().strip(), v.source() + " via config apiKey");
        }
        Path file = tokenFile(env);
        try {
            if (Files.isRegularFile(file)) {
                String t = Files.readString(file).strip();
                if (!t.isEmpty()) return new Token(t, "token file " + env.display(file));
            }
        } catch (IOException e) {
            // unreadable token file: as if there were none
        }
        return null;
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
