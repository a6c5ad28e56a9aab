import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a token fared with Hugging Face ({@code GET {HF_ENDPOINT or https://huggingface.co}/api/whoami-v2}): the account
 * when checked; {@code problem} says what to warn about, or why it was {@code rejected} (a 401); {@code unchecked}
 * when the check could not be made (offline, no network). What onboarding checks, and {@code models status --verify}.
 */
record TokenCheck(Whoami who, String problem, boolean rejected, boolean unchecked) {
    static final String HUB = "https://huggingface.co";

    static TokenCheck of(Env env, Token token, Consumer<String> warn) {
        if ("1".equals(env.process("HF_HUB_OFFLINE"))) {
            return new TokenCheck(null, "HF_HUB_OFFLINE=1: the token was not checked", false, true);
        }
        Env.Value endpoint = env.lookupNotFromHere("HF_ENDPOINT", warn);
        String hub = endpoint != null ? endpoint.value().strip().replaceAll("/+$", "") : HUB;
        try (RouterClient client = RouterClient.forHub(env, hub, token, Duration.ofSeconds(15), warn)) {
            Whoami who = Whoami.of(client.whoami());
            if (who.canCallInference()) return new TokenCheck(who, null, false, false);
            return new TokenCheck(who, "the token of " + who.shownName()
                    + " lacks the \"Make calls to Inference Providers\""
                    + " permission (inference.serverless.write): chat will be refused; make one that has it at "
                    + Whoami.NEW_TOKEN_URL, false, false);
        } catch (RouterError e) {
            if (e.status == 401) return new TokenCheck(null, "Hugging Face rejected the token (401)", true, false);
            return new TokenCheck(null, "could not check the token with " + hub + " (" + e.getMessage() + ")", false,
                    true);
        } catch (JsonException e) {
            return new TokenCheck(null, "could not read the answer of " + hub + " (" + e.getMessage() + ")", false,
                    true);
        }
    }
}
