import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Hugging Face organization that pays for inference, and where that was said: {@code --bill-to ORG}, else
 * {@code HF_BILL_TO} (environment, .env files, config env.vars), else the config's
 * {@code models.providers.huggingface.headers["X-HF-Bill-To"]}, which OpenClaw itself sends. It goes out as the
 * {@code X-HF-Bill-To} header on inference requests only (chat completions): never on the model list or whoami.
 */
record BillTo(String org, String source) {
    static final String HEADER = "X-HF-Bill-To";
    static final String VARIABLE = "HF_BILL_TO";
    static final List<String> HEADERS = List.of("models", "providers", "huggingface", "headers");
    /** Hub organization names: letters, digits, '-', '_', '.'; nothing a header could be split on. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}");

    /** The choice in force, or null when inference is billed to the token's own account. */
    static BillTo of(String flag, Env env, JsonValue config) {
        if (flag != null) return flag(flag);
        // Who pays is the user's choice, not a folder's they merely stand in (a cloned repository's ./.env).
        Env.Value v = env.lookupNotFromHere(VARIABLE, env::warn);
        if (v != null && !v.value().isBlank()) return checked(v.value().strip(), v.source());
        String header = header(config);
        return header == null ? null : checked(header, "config models.providers.huggingface.headers." + HEADER);
    }

    /**
     * The organization the config's {@code headers} entry bills: the only one OpenClaw bills (null: the token's own
     * account).
     */
    static String header(JsonValue config) {
        JsonObject headers = config.objectAt(HEADERS);
        if (headers == null) return null;
        for (Map.Entry<String, JsonValue> h : headers.members().entrySet()) {
            if (h.getKey().equalsIgnoreCase(HEADER) && h.getValue() instanceof JsonString s
                    && !s.value().isBlank()) return s.value().strip();
        }
        return null;
    }

    /**
     * What {@code status} says when this choice is this toolkit's alone: OpenClaw knows no {@code HF_BILL_TO} and bills
     * only through the {@code headers} entry. Null when OpenClaw bills the same.
     */
    String oursAlone(JsonValue config) {
        String theirs = header(config);
        if (org.equals(theirs)) return null;
        return source + " is this toolkit's alone: OpenClaw bills " + (theirs == null ? "the token's own account"
                : theirs + " (its headers entry)")
                + "; to bill " + org + " in OpenClaw too, set models.providers.huggingface.headers." + HEADER + " to "
                        + org;
    }

    /** {@code --bill-to ORG}, checked: a wrong name is a usage error. */
    static BillTo flag(String org) {
        if (!NAME.matcher(org).matches()) throw new Cli.UsageException("--bill-to: '" + shortened(org)
                + "' is not an organization name");
        return new BillTo(org, "--bill-to");
    }

    private static BillTo checked(String org, String source) {
        if (!NAME.matcher(org).matches()) throw new Cli.Failure(source + ": '" + shortened(org)
                + "' is not an organization name");
        return new BillTo(org, source);
    }

    /**
     * A name as a refusal quotes it: escaped, and its first 40 characters when it is longer (a name has at most 96).
     */
    private static String shortened(String org) { return Printable.line(org.length() > 40 ? org.substring(0, 40)
            + "\u2026" : org); }

    /** {@code acme (from HF_BILL_TO)}: how status shows it. */
    String shown() { return org + " (from " + source + ")"; }
}
