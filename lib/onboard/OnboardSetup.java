import java.util.ArrayList;
import java.util.List;

/**
 * What onboarding writes into the OpenClaw config: the keys OpenClaw's own onboarding writes (see
 * router-notes), through the lossless editor, so that the user's comments and everything else stay.
 * Existing fallbacks, {@code models[]} entries and a custom provider base URL are kept.
 */
final class OnboardSetup {
    static final String ALIAS = "Hugging Face";
    static final List<String> PROFILE = List.of("auth", "profiles", "huggingface:default");
    static final List<String> MODE = List.of("models", "mode");

    private OnboardSetup() { }

    /** Applies the setup for default model {@code ref} to {@code doc}; returns what it set, for the summary. */
    static List<String> apply(Json5Document doc, String ref) {
        List<String> said = new ArrayList<>();
        said.add("default model " + ref);
        doc.set(ConfigFile.PRIMARY, JsonValue.of(ref));
        List<String> entry = append(ConfigFile.MODELS, ref);
        if (doc.value().objectAt(entry) == null) doc.set(entry, JsonValue.object());
        if (doc.value().at(append(entry, "alias")) == null) {
            // The alias names one model: given to the new default, it leaves the model that had it.
            String holder = ConfigFile.aliases(doc.value()).get(ALIAS);
            if (holder != null) doc.remove(append(append(ConfigFile.MODELS, holder), "alias"));
            doc.set(append(entry, "alias"), JsonValue.of(ALIAS));
            said.add("alias \"" + ALIAS + "\"");
        }
        doc.set(append(PROFILE, "provider"), JsonValue.of("huggingface"));
        doc.set(append(PROFILE, "mode"), JsonValue.of("api_key"));
        said.add("auth profile huggingface:default");
        if (doc.value().at(MODE) == null) doc.set(MODE, JsonValue.of("merge"));
        if (doc.value().at(ConfigFile.BASE_URL) == null) doc.set(ConfigFile.BASE_URL, JsonValue.of(ConfigFile.DEFAULT_BASE_URL));
        doc.set(append(ConfigFile.PROVIDER, "api"), JsonValue.of("openai-completions"));
        if (doc.value().at(append(ConfigFile.PROVIDER, "models")) == null) doc.set(append(ConfigFile.PROVIDER, "models"), JsonValue.array());
        said.add("provider huggingface (" + ConfigFile.string(doc.value(), ConfigFile.BASE_URL) + ")");
        return said;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }
}
