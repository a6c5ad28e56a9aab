import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An OpenClaw SecretRef, {@code {source: "env"|"file"|"exec"|"store", provider, id}}, the form OpenClaw 2026.9.6
 * takes in place of a literal secret (its {@code docs/gateway/secrets/secretref-contract.md}); also its string
 * shorthands {@code "${NAME}"} and {@code "$NAME"} for an env ref. Env and file refs are resolved here as OpenClaw
 * resolves them; exec refs (OpenClaw runs a command) and store refs (its shared secret store) are not: this
 * toolkit runs no secret commands and reads no secret store, and says so.
 */
record SecretRef(String source, String provider, String id) {
    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern ENV_ID = Pattern.compile("[A-Z][A-Z0-9_]{0,127}");
    private static final Pattern SHORTHAND =
            Pattern.compile("\\$\\{([A-Z][A-Z0-9_]{0,127})}|\\$([A-Z][A-Z0-9_]{0,127})");
    /** OpenClaw's default {@code maxBytes} for a file provider. */
    static final long FILE_MAX_BYTES = 1024 * 1024;

    /** What resolving gave: a value, or why there is none ({@code fatal}: OpenClaw has none either). */
    record Resolved(String value, String source, String variable, String problem, boolean fatal) {
        static Resolved missing(String problem) { return new Resolved(null, null, null, problem, true); }
    }

    /** The ref {@code value} holds, or null when it holds none (a literal string, say). */
    static SecretRef of(JsonValue value) {
        if (value instanceof JsonObject o && o.has("source")) {
            return new SecretRef(String.valueOf(o.string("source")), o.string("provider"), o.string("id"));
        }
        if (value instanceof JsonString s) {
            var m = SHORTHAND.matcher(s.value().strip());
            if (m.matches()) return new SecretRef("env", null, m.group(1) != null ? m.group(1) : m.group(2));
        }
        return null;
    }

    /** {@code env:HF_TOKEN}, {@code file:hffile:value}: as OpenClaw's own status labels a ref. */
    String label() { return source + ":" + (source.equals("env") ? "" : provider + ":") + id; }

    /** The secret, resolved from the environment or a file as OpenClaw does; {@code at}: where the ref is written. */
    Resolved resolve(Env env, JsonValue config, String at) {
        if (provider != null && !PROVIDER.matcher(provider).matches()) return Resolved.missing(at
                + " names the secret provider \"" + provider + "\", which OpenClaw refuses");
        JsonObject secrets = config.objectAt(List.of("secrets"));
        JsonObject defaults = secrets == null ? null : secrets.object("defaults");
        String alias = provider != null ? provider : defaults != null && defaults.string(source) != null
                ? defaults.string(source) : "default";
        JsonObject entry = secrets == null || secrets.object("providers") == null ? null
                : secrets.object("providers").object(alias);
        if (entry != null && !source.equals(entry.string("source"))) entry = null;
        return switch (source) {
            case "env" -> env(env, at, alias, entry);
            case "file" -> file(env, at, alias, entry);
            case "exec", "store" -> new Resolved(null, null, null, at + " is " + (source.equals("exec")
                    ? "an exec SecretRef (OpenClaw runs secrets.providers." + alias
                            + "'s command); this toolkit runs no secret commands"
                    : "a store SecretRef (OpenClaw's shared secret store); this toolkit does not read that store")
                    + ": set HF_TOKEN for this toolkit", false);
            default -> Resolved.missing(at + " is a SecretRef with the source \"" + source
                    + "\", which OpenClaw does not know");
        };
    }

    private Resolved env(Env env, String at, String alias, JsonObject entry) {
        if (id == null || !ENV_ID.matcher(id).matches()) return Resolved.missing(at + " names the variable \"" + id
                + "\", which OpenClaw refuses (A-Z, 0-9, _)");
        if (entry == null && !alias.equals("default")) return Resolved.missing(at + " names secrets.providers." + alias
                + ", which is not an env provider");
        if (entry != null && entry.array("allowlist") != null && !entry.strings("allowlist").contains(id)) {
            return Resolved.missing(at + " names " + id + ", which secrets.providers." + alias
                    + ".allowlist does not allow");
        }
        Env.Value v = env.lookup(id);
        if (v == null || v.value().isBlank()) return new Resolved(null, null, id, at + " takes the key from " + id
                + ", which is not set: OpenClaw has no key either", true);
        return new Resolved(v.value().strip(), v.source(), id, null, false);
    }

    private Resolved file(Env env, String at, String alias, JsonObject entry) {
        if (entry == null || entry.string("path") == null) return Resolved.missing(at + " names secrets.providers."
                + alias + ", which is not a file provider with a path");
        Path file = env.expand(entry.string("path"));
        String shown = "file " + env.display(file) + " (secrets.providers." + alias + ")";
        if (!file.isAbsolute()) return Resolved.missing(shown + ": OpenClaw takes only an absolute path");
        boolean single = "singleValue".equals(entry.string("mode"));
        if (single && !"value".equals(id)) return Resolved.missing(at + ": the singleValue provider " + alias
                + " takes the id \"value\"");
        if (!single && (id == null || !id.startsWith("/"))) return Resolved.missing(at
                + ": the id of a json file provider is a JSON pointer such as /huggingface/apiKey");
        String text;
        try {
            text = FileReads.privateText(file, Math.max(1, Math.min(entry.longOr("maxBytes", FILE_MAX_BYTES),
                    FileReads.MAX_SMALL_FILE)));
        } catch (java.nio.file.NoSuchFileException e) {
            return Resolved.missing(shown + " does not exist: OpenClaw has no key either");
        } catch (IOException e) {
            return Resolved.missing(shown + " cannot be used: " + e.getMessage());
        }
        if (text.startsWith("\ufeff")) text = text.substring(1);
        if (single) return new Resolved(text.replaceFirst("\r?\n$", ""), shown, null, null, false);
        try {
            JsonValue node = Json.parse(text);
            for (String segment : id.substring(1).split("/", -1)) {
                String key = segment.replace("~1", "/").replace("~0", "~");
                node = node instanceof JsonObject o ? o.get(key) : null;
                if (node == null) return Resolved.missing(shown + " has nothing at " + id
                        + ": OpenClaw has no key either");
            }
            if (!(node instanceof JsonString s)) return Resolved.missing(shown + " holds " + node.describe() + " at "
                    + id + ", not a string");
            return new Resolved(s.value(), shown + " at " + id, null, null, false);
        } catch (JsonException e) {
            // Not the parser's message: it may quote the file, which holds secrets.
            return Resolved.missing(shown
                    + " is not JSON (for a file holding only the key, set mode: \"singleValue\")");
        }
    }
}
