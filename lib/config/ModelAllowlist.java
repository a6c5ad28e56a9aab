import java.util.ArrayList;
import java.util.List;

/**
 * Which models OpenClaw lets an agent use, kept in step with the models we write, in the form the config
 * already uses (OpenClaw 2026.9.6):
 * <ul>
 * <li><b>current</b>: {@code meta.migrations.modelPolicyAllowlist: true}; {@code agents.defaults.models}
 *     holds an entry per model (aliases and the like), and {@code agents.defaults.modelPolicy.allow}, when
 *     present, is the allowlist. OpenClaw's own onboarding writes this form; so do we, for a config that
 *     has no models map yet;
 * <li><b>migrated</b>: {@code agents.defaults.modelPolicy.allow}, an array of refs: a model we add joins it;
 * <li><b>legacy</b>: no marker and no {@code modelPolicy}, but a models map: the map's keys are the
 *     allowlist. Kept as it is (our entry in the map allows the model); OpenClaw migrates it itself on its
 *     next write, and would refuse a model missing from the map ("is not allowed").
 * </ul>
 * In every form a model we add gets its entry in {@code agents.defaults.models} ({@code {}} if it had
 * none), as {@code openclaw models fallbacks add} does.
 */
final class ModelAllowlist {
    static final List<String> MARKER = List.of("meta", "migrations", "modelPolicyAllowlist");
    static final List<String> ALLOW = List.of("agents", "defaults", "modelPolicy", "allow");
    static final List<String> POLICY = List.of("agents", "defaults", "modelPolicy");

    private ModelAllowlist() { }

    /**
     * Lets {@code ref} be used, and lists it as OpenClaw lists a model it was given (fallbacks, aliases,
     * onboarding): its models entry, the allow array when the config has one, and the current form's
     * marker unless the config keeps the legacy form.
     */
    static void allow(Json5Document doc, String ref) {
        boolean legacy = legacy(doc.value());
        List<String> entry = entry(ref);
        if (doc.value().objectAt(entry) == null) doc.set(entry, JsonValue.object());
        admitInPolicy(doc, ref);
        if (!legacy && doc.value().at(MARKER) == null) doc.set(MARKER, JsonValue.TRUE);
    }

    /**
     * Lets {@code ref} be used where an allowlist would refuse it, and changes nothing else ({@code models
     * set}): a legacy map gets its entry, an allow array the ref. A config with no allowlist stays as it is.
     */
    static void admit(Json5Document doc, String ref) {
        if (legacy(doc.value()) && doc.value().objectAt(entry(ref)) == null) doc.set(entry(ref), JsonValue.object());
        admitInPolicy(doc, ref);
    }

    /** No marker and no modelPolicy, but a models map: its keys are the allowlist. */
    static boolean legacy(JsonValue root) {
        JsonObject models = root.objectAt(ConfigFile.MODELS);
        boolean marked = root.at(MARKER) instanceof JsonBoolean b && b.value();
        return !marked && root.at(POLICY) == null && models != null && !models.members().isEmpty();
    }

    private static void admitInPolicy(Json5Document doc, String ref) {
        JsonArray allow = doc.value().arrayAt(ALLOW);
        if (allow != null && !allow.strings().contains(ref)) doc.append(ALLOW, JsonValue.of(ref));
    }

    private static List<String> entry(String ref) {
        List<String> entry = new ArrayList<>(ConfigFile.MODELS);
        entry.add(ref);
        return entry;
    }
}
