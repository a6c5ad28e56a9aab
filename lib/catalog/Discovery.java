import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which models the router serves now: a fresh cache (an hour), else {@code GET /models}, else a stale
 * cache, else nothing (the caller then shows the built-in catalog). The answer says where the list came
 * from and, when something failed, one line for stderr saying why.
 */
final class Discovery {
    static final Duration FRESH = Duration.ofHours(1);

    /** {@code live} is null when no router list could be had. {@code source}: live, cache or built-in. */
    /** Where a model list came from; {@link #json} is what {@code --json} calls it. */
    enum Source {
        LIVE("live"), CACHE("cache"), BUILT_IN("built-in");

        final String json;

        Source(String json) { this.json = json; }
    }

    record Result(List<RouterModel> live, Source source, Instant fetchedAt, String note) { }

    /** How the caller wants the list: never touch the network, refetch even if the cache is fresh. */
    /** {@code keep}: whether a list fetched is cached (onboarding keeps nothing until the user confirms). */
    record Options(boolean offline, boolean refresh, Duration timeout, boolean keep) {
        Options(boolean offline, boolean refresh, Duration timeout) { this(offline, refresh, timeout, true); }
    }

    private final Env env;
    private final JsonValue config;
    private final Instant now;
    /** The token to send; by default the one the environment and config give (onboarding passes the one just typed). */
    private final Token token;

    Discovery(Env env, JsonValue config, Instant now) { this(env, config, now, null); }

    /** A discovery sending {@code token} rather than the one found in the environment (null: that one). */
    Discovery(Env env, JsonValue config, Instant now, Token token) {
        this.env = env;
        this.config = config;
        this.now = now;
        this.token = token;
    }

    Path cacheFile() { return env.stateDir().resolve("cache").resolve("huggingface-models.json"); }

    Result discover(Options options) {
        String baseUrl = ConfigFile.baseUrl(env, config);
        // The cache is read only when it can serve: offline, to see whether it is fresh, or after a failure.
        JsonObject cached = options.refresh() && !options.offline() ? null : readCache(baseUrl);
        if (options.offline()) {
            return cached != null ? fromCache(cached, null) : new Result(null, Source.BUILT_IN, null, null);
        }
        if (cached != null && fetchedAt(cached).plus(FRESH).isAfter(now)) return fromCache(cached, null);
        String why;
        try {
            String body;
            try (RouterClient router = RouterClient.forRouter(env, config, token != null ? token : Token.find(env,
                    config), options.timeout(), env::warn)) {
                body = router.models();
            }
            JsonValue answer;
            try {
                answer = Json.parse(body);
            } catch (JsonException e) {
                throw new RouterError(0, "the answer is not JSON (" + e.getMessage() + ")");
            }
            List<RouterModel> models = RouterModel.listFrom(answer);
            if (models.isEmpty()) throw new RouterError(0, "the router listed no models");
            if (options.keep()) writeCache(baseUrl, body);
            return new Result(models, Source.LIVE, now, null);
        } catch (RouterError e) {
            why = e.getMessage();
        } catch (JsonException e) {
            why = "unexpected answer (" + e.getMessage() + ")";
        }
        if (cached == null) cached = readCache(baseUrl);
        if (cached != null) {
            return fromCache(cached, "could not refresh the model list (" + why + "); using the list cached "
                    + age(fetchedAt(cached)) + " ago");
        }
        return new Result(null, Source.BUILT_IN, null, "could not fetch the model list (" + why
                + "); using the built-in catalog");
    }

    /**
     * The cache for this base URL, or null (none, another router, or unreadable: it is only a cache).
     * It stays the JSON object it was read as ({@code {fetchedAt, baseUrl, answer}}), with no class of its
     * own: the cache path then loads no class that the network path does not, so the class-data archive a
     * script's first run writes (//CDS) covers both, whichever one that run took. A class missing from the
     * archive is read from the jar instead: the class loader opens it as a JarFile and parses and verifies
     * the class, a few milliseconds of a run that takes about 120. (ModelsBench names any such class.)
     */
    private JsonObject readCache(String baseUrl) {
        try {
            Path file = cacheFile();
            if (!Files.isRegularFile(file)) return null;
            JsonObject o = Json.parse(FileReads.text(file, FileReads.MAX_SMALL_FILE)).asObject();
            JsonObject answer = o.object("answer");
            if (!baseUrl.equals(o.string("baseUrl")) || answer == null || answer.array("data") == null) return null;
            fetchedAt(o);
            return o;
        } catch (Exception e) {
            return null;
        }
    }

    private static Instant fetchedAt(JsonObject cache) { return UtcTime.parse(cache.string("fetchedAt")); }

    /** The cached list as the result; its models are read out only here, when the cache is the one used. */
    private static Result fromCache(JsonObject cache, String note) {
        return new Result(RouterModel.listFrom(cache.get("answer")), Source.CACHE, fetchedAt(cache), note);
    }

    /** The router's answer goes in as it came (already checked to be JSON): no second serialisation. */
    private void writeCache(String baseUrl, String answer) {
        try {
            String head = Json.write(JsonValue.object("fetchedAt", JsonValue.of(UtcTime.format(now)), "baseUrl",
                    JsonValue.of(baseUrl)));
            SafeFile.write(cacheFile(), head.substring(0, head.length() - 1) + ",\"answer\":" + answer.strip() + "}\n",
                    false);
        } catch (Exception e) {
            // a cache that cannot be written is only a slower next run
        }
    }

    static String age(Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        if (minutes < 60) return minutes + " min";
        if (minutes < 48 * 60) return minutes / 60 + " h";
        return minutes / (24 * 60) + " days";
    }

    private String age(Instant then) { return age(then, now); }
}
