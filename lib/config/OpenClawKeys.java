import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenClaw's own key store, read-only: OpenClaw 2026.9.6 keeps its auth profiles in its state database,
 * {@code $OPENCLAW_STATE_DIR/state/openclaw.sqlite}, table {@code config_machine_state}, row
 * {@code authProfiles.store} ({@code {"version":1,"profiles":{"huggingface:default":{"type":"api_key",
 * "provider":"huggingface","key":"hf_..."}}}}; a profile may hold a {@code keyRef} SecretRef instead of the key,
 * and one saved by {@code openclaw onboard} over a working setup carries {@code setup.replacement}), and their
 * order and usage in row {@code authProfiles.state}. Earlier versions kept the same in
 * {@code agents/<agent>/agent/auth-profiles.json}. Nothing here ever writes: the database is OpenClaw's alone.
 * A store that cannot be read is a warning. How OpenClaw picks among them is {@link OpenClawAuth}.
 */
final class OpenClawKeys {
    static final String PROVIDER = "huggingface";

    private OpenClawKeys() { }

    /** The profiles, the {@code order} override and the {@code usageStats} of one store, and where it is. */
    record Store(JsonObject profiles, JsonObject order, JsonObject usageStats, String where) {
        JsonObject profile(String id) { return profiles.object(id); }
    }

    /** The store OpenClaw reads, the database first, then the legacy file; null when there is none with profiles. */
    static Store find(Env env, JsonValue config) {
        Path database = env.stateDir().resolve("state").resolve("openclaw.sqlite");
        if (Files.isRegularFile(database)) {
            try (SqliteDatabase db = SqliteDatabase.open(database)) {
                JsonValue store = null, state = null;
                for (SqliteDatabase.Row row : db.rows("config_machine_state")) {
                    List<Object> v = row.values();
                    if (v.size() < 2 || !(v.get(1) instanceof String json)) continue;
                    if ("authProfiles.store".equals(v.get(0))) store = Json.parse(json);
                    if ("authProfiles.state".equals(v.get(0))) state = Json.parse(json);
                }
                Store found = of(store, state, env.display(database));
                if (found != null) return found;
            } catch (IOException | SqliteException | JsonException e) {
                env.warn("cannot read OpenClaw's key store " + env.display(database) + " (" + e.getMessage()
                        + "); skipped");
            }
        }
        for (Path agent : agentDirs(env, config)) {
            Path legacy = agent.resolve("auth-profiles.json");
            if (!Files.isRegularFile(legacy)) continue;
            try {
                JsonValue store = Json.parse(FileReads.text(legacy, FileReads.MAX_SMALL_FILE));
                Store found = of(store, store, env.display(legacy));
                if (found != null) return found;
            } catch (IOException | JsonException e) {
                env.warn("cannot read " + env.display(legacy) + " (" + e.getMessage() + "); skipped");
            }
        }
        return null;
    }

    private static Store of(JsonValue store, JsonValue state, String where) {
        JsonObject profiles = store == null ? null : store.objectAt(List.of("profiles"));
        if (profiles == null || profiles.members().isEmpty()) return null;
        JsonObject order = state == null ? null : state.objectAt(List.of("order"));
        JsonObject usage = state == null ? null : state.objectAt(List.of("usageStats"));
        return new Store(profiles, order == null ? JsonValue.object() : order, usage == null ? JsonValue.object()
                : usage, where);
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
