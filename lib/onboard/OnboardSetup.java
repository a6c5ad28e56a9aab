import java.util.ArrayList;
import java.util.List;

/**
 * What onboarding writes into the OpenClaw config: the keys OpenClaw 2026.9.6's own onboarding writes for
 * this provider (see ../shared/fixtures/openclaw-2026.9.6), through the lossless editor, so that the user's
 * comments and everything else stay. Existing fallbacks, {@code models[]} entries, a custom provider base
 * URL and, on a second onboarding, the default model are kept.
 */
final class OnboardSetup {
    static final String ALIAS = "Hugging Face";
    static final List<String> PROFILE = List.of("auth", "profiles", "huggingface:default");
    static final List<String> MODE = List.of("models", "mode");
    static final List<String> GATEWAY_MODE = List.of("gateway", "mode");
    static final List<String> GATEWAY_AUTH = List.of("gateway", "auth");
    static final List<String> GATEWAY_PORT = List.of("gateway", "port");
    static final List<String> GATEWAY_BIND = List.of("gateway", "bind");
    static final List<String> GATEWAY_TAILSCALE = List.of("gateway", "tailscale");
    static final List<String> PLUGIN_ENABLED = List.of("plugins", "entries", "huggingface", "enabled");

    private OnboardSetup() { }

    /**
     * Applies the setup to {@code doc}; returns what it did, for the summary. {@code ref}: the default
     * model to set; null keeps the config's own default when it has one (else sets DeepSeek-R1). {@code billTo}:
     * the organization to bill inference to, "" for the token's own account (the header removed), or null to leave
     * the config's choice as it is.
     */
    static List<String> apply(Json5Document doc, String ref, String billTo) {
        List<String> said = new ArrayList<>();
        String current = ConfigFile.string(doc.value(), ConfigFile.PRIMARY);
        String model;
        if (ref == null && current != null) {
            said.add("kept default model " + current);
            model = current.startsWith(ModelRef.PREFIX) ? current : ModelRef.DEFAULT_MODEL;
        } else {
            model = ref != null ? ref : ModelRef.DEFAULT_MODEL;
            doc.set(ConfigFile.PRIMARY, JsonValue.of(model));
            said.add("default model " + model);
        }
        JsonValue before = doc.value();
        ModelAllowlist.record(doc, model);
        for (String note : ModelAllowlist.notes(before, doc.value(), model,
                ModelAllowlist.Role.DEFAULT)) said.add("note: " + note);
        List<String> alias = append(append(ConfigFile.MODELS, model), "alias");
        if (doc.value().at(alias) == null) {
            // The alias names one model: given to the new default, it leaves the model that had it.
            String holder = ConfigFile.aliases(doc.value()).get(ALIAS);
            if (holder != null) doc.remove(append(append(ConfigFile.MODELS, holder), "alias"));
            doc.set(alias, JsonValue.of(ALIAS));
            said.add("alias \"" + ALIAS + "\"");
        }
        doc.set(append(PROFILE, "provider"), JsonValue.of("huggingface"));
        doc.set(append(PROFILE, "mode"), JsonValue.of("api_key"));
        said.add("auth profile huggingface:default");
        if (doc.value().at(MODE) == null) doc.set(MODE, JsonValue.of("merge"));
        if (doc.value().at(ConfigFile.BASE_URL) == null) doc.set(ConfigFile.BASE_URL,
                JsonValue.of(ConfigFile.DEFAULT_BASE_URL));
        doc.set(append(ConfigFile.PROVIDER, "api"), JsonValue.of("openai-completions"));
        if (doc.value().at(append(ConfigFile.PROVIDER, "models")) == null) doc.set(append(ConfigFile.PROVIDER,
                "models"), JsonValue.array());
        said.add("provider huggingface (" + ConfigFile.string(doc.value(), ConfigFile.BASE_URL) + ")");
        if (doc.set(PLUGIN_ENABLED, JsonValue.TRUE)) said.add("plugin huggingface enabled");
        List<String> header = append(BillTo.HEADERS, BillTo.HEADER);
        if (billTo != null && billTo.isEmpty() && doc.value().at(header) != null) {
            doc.remove(header);
            said.add("inference billed to your own account");
        } else if (billTo != null && !billTo.isEmpty()) {
            // The header OpenClaw sends with the provider's requests; chat and models status read it too (BillTo).
            doc.set(header, JsonValue.of(billTo));
            said.add("inference billed to " + billTo + " (" + BillTo.HEADER + ")");
        }
        said.addAll(gateway(doc));
        return said;
    }

    /**
     * The local gateway as OpenClaw 2026.9.6's local onboarding sets it up (see ../shared/fixtures): mode local, a
     * token of its own (48 hex digits), port 18789, bound to loopback, no Tailscale. Without the token OpenClaw
     * refuses to start the gateway ("Refusing to bind gateway to auto without auth"). Only what is absent is written:
     * a gateway the user set up stays as it is. The token is a secret: never shown.
     */
    static List<String> gateway(Json5Document doc) {
        List<String> said = new ArrayList<>();
        boolean mode = doc.value().at(GATEWAY_MODE) == null;
        if (mode) doc.set(GATEWAY_MODE, JsonValue.of("local"));
        if (!"local".equals(ConfigFile.string(doc.value(), GATEWAY_MODE))) return said;
        boolean auth = false;
        if (doc.value().at(GATEWAY_AUTH) == null) {
            byte[] bytes = new byte[24];
            new java.security.SecureRandom().nextBytes(bytes);
            StringBuilder token = new StringBuilder();
            for (byte b : bytes) token.append(String.format("%02x", b & 0xff));
            Running.secret(token.toString());
            doc.set(GATEWAY_AUTH, JsonValue.object("mode", JsonValue.of("token"), "token",
                    JsonValue.of(token.toString())));
            auth = true;
        }
        if (doc.value().at(GATEWAY_PORT) == null) doc.set(GATEWAY_PORT, JsonValue.of(18789));
        if (doc.value().at(GATEWAY_BIND) == null) doc.set(GATEWAY_BIND, JsonValue.of("loopback"));
        if (doc.value().at(GATEWAY_TAILSCALE) == null) doc.set(GATEWAY_TAILSCALE, JsonValue.object("mode",
                JsonValue.of("off")));
        if (mode || auth) said.add("local gateway" + (auth ? " (loopback, a token of its own)" : ""));
        return said;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }
}
