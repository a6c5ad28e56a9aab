import java.time.Duration;
import java.time.Instant;

/**
 * A MODEL the user typed (an alias, a ref or a bare id) made into the ref to write into the config, for
 * every command that writes one ({@code models set}, {@code fallbacks add}, {@code aliases add},
 * {@code onboard --model}). Offline: a pinned provider is checked against the cached router list only.
 */
final class ModelChoice {
    private ModelChoice() { }

    /** The ref for {@code model}; a usage error when it is not one, or pins a provider the cached list says does not serve it. */
    static String ref(Env env, JsonValue root, String model) {
        try {
            ModelRef ref = ModelRef.resolve(model, ConfigFile.aliases(root));
            if (ref.provider() != null) {
                ref.requireServed(new Discovery(env, root, Instant.now()).discover(new Discovery.Options(true, false, Duration.ZERO)).live());
            }
            return ref.ref();
        } catch (ModelRefException e) {
            throw new Cli.UsageException(e.getMessage());
        }
    }
}
