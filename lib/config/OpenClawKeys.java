import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hugging Face key OpenClaw keeps for itself, read-only: OpenClaw 2026.9.6 stores API keys in its state
 * database, {@code $OPENCLAW_STATE_DIR/state/openclaw.sqlite}, table {@code config_machine_state}, row
 * {@code authProfiles.store} ({@code {"version":1,"profiles":{"huggingface:default":{"type":"api_key",
 * "provider":"huggingface","key":"hf_..."}}}}); earlier versions kept the same profiles in
 * {@code agents/<agent>/agent/auth-profiles.json}. OpenClaw uses a stored key before {@code HF_TOKEN}.
 * Nothing here ever writes: the database is OpenClaw's alone. A store that cannot be read is a warning.
 */
final class OpenClawKeys {
    static final String PROVIDER = "huggingface";
    static final String PROFILE = "huggingface:default";

    private OpenClawKeys() { }

    /** The stored Hugging Face key, the database first, then the legacy file; null when neither has one. */
    static Token find(Env env, JsonValue config) {
        Path database = env.stateDir().resolve("state").resolve("openclaw.sqlite");
        if (Files.isRegularFile(database)) {
            try (SqliteDatabase db = SqliteDatabase.open(database)) {
                for (SqliteDatabase.Row row : db.rows("config_machine_state")) {
                    List<Object> v = row.values();
                    if (v.size() >= 2 && "authProfiles.store".equals(v.get(0)) && v.get(1) instanceof String json) {
                        Token token = fromProfiles(Json.parse(json), "OpenClaw's stored key %s (" + env.display(database) + ")");
                        if (token != null) return token;
                    }
                }
            } catch (IOException | SqliteException | JsonException e) {
                env.warn("cannot read OpenClaw's key store " + env.display(database) + " (" + e.getMessage() + "); skipped");
            }
        }
        for (Path agent : agentDirs(env, config)) {
            Path legacy = agent.resolve("auth-profiles.json");
            if (!Files.isRegularFile(legacy)) continue;
            try {
                Token token = fromProfiles(Json.parse(FileReads.text(legacy, FileReads.MAX_SMALL_FILE)), "OpenClaw's auth profile %s (" + env.display(legacy) + ")");
                if (token != null) return token;
            } catch (IOException | JsonException e) {
                env.warn("cannot read " + env.display(legacy) + " (" + e.getMessage() + "); skipped");
            }
        }
        return null;
    }

    /** {@code huggingface:default}, else the first Hugging Face profile that holds a key. */
    private static Token fromProfiles(JsonValue store, String source) {
        JsonObject profiles = store.objectAt(List.of("profiles"));
        if (profiles == null) return null;
        List<String> ids = new ArrayList<>(profiles.members().keySet());
        ids.remove(PROFILE);
        ids.add(0, PROFILE);
        for (String id : ids) {
            JsonObject p = profiles.object(id);
            if (p == null || !PROVIDER.equals(p.string("provider"))) continue;
            String key = p.stringOr("key", p.string("token"));
            if (key != null && !key.isBlank()) return new Token(key.strip(), String.format(source, id), true);
        }
        return null;
    }

    /** The folders of OpenClaw's agents: each {@code agents.entries.*.agentDir}, else {@code agents/main/agent}. */
    private static List<Path> agentDirs(Env env, JsonValue config) {
        List<Path> dirs = new ArrayList<>();
        JsonObject entries = config.objectAt(List.of("agents", "entries"));
        if (entries != null) {
            for (String id : entries.members().keySet()) {
                JsonObject agent = entries.object(id);
                String dir = agent == null ? null : agent.string("agentDir");
                if (dir != null) dirs.add(env.expand(dir));
            }
        }
        if (dirs.isEmpty()) dirs.add(env.stateDir().resolve("agents").resolve("main").resolve("agent"));
        return dirs;
    }
}
