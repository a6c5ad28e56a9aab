import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the token goes: Hugging Face, loopback, the host the config names; never on across a redirect to another
 * origin.
 */
class TokenDestinationTest {
    static final Token TOKEN = new Token("hf_abcdefghijklmnopqrstuvwxyz", "test");
    static final String MODELS = Repo.read("test/fixtures/router-models.json");

    @TempDir Path tmp;
    TestEnv t;
    FakeRouter a, b;

    @BeforeEach void setUp() throws Exception {
        a = new FakeRouter();
        b = new FakeRouter().maybe("/v1/models", 200, MODELS);
        t = new TestEnv(tmp).with("HF_TOKEN", TOKEN.secret());
    }

    @AfterEach void tearDown() {
        a.close();
        b.close();
    }

    /** {@code {url, configured baseUrl, what the verdict says}}: sent, sent with a warning, or refused. */
    @Test void whereTheTokenMayGo() {
        String[][] cases = {
                {"https://router.huggingface.co/v1", null, "sent"},
                {"https://huggingface.co", null, "sent"},
                {"https://hub.hf.co", null, "sent"},
                {"http://127.0.0.1:8080/v1", null, "sent"},
                {"http://localhost/v1", null, "sent"},
                {"https://gateway.example/v1", "https://gateway.example/v1", "sent"},
                {"https://elsewhere.example/v1", null,
                        "warned: sending your Hugging Face token to elsewhere.example (HF_ROUTER_URL), which is not a "
                                + "Hugging Face host"},
                {"https://evil-huggingface.co/v1", null,
                        "warned: sending your Hugging Face token to evil-huggingface.co (HF_ROUTER_URL), which is not "
                                + "a Hugging Face host"},
                {"http://127.0.0.1.nip.example/v1", null,
                        "refused: refusing to send your Hugging Face token over plain http to 127.0.0.1.nip.example; "
                                + "use https, or set HF_ALLOW_HTTP_TOKEN=1 to allow it"},
                {"http://127.evil.example/v1", null,
                        "refused: refusing to send your Hugging Face token over plain http to 127.evil.example; use "
                                + "https, or set HF_ALLOW_HTTP_TOKEN=1 to allow it"},
                {"http://gateway.example/v1", "http://gateway.example/v1",
                        "refused: refusing to send your Hugging Face token over plain http to gateway.example; use "
                                + "https, or set HF_ALLOW_HTTP_TOKEN=1 to allow it"},
                {"http://router.huggingface.co/v1", null,
                        "refused: refusing to send your Hugging Face token over plain http to router.huggingface.co; "
                                + "use https, or set HF_ALLOW_HTTP_TOKEN=1 to allow it"},
        };
        for (String[] c : cases) {
            TokenDestination.Verdict v = TokenDestination.of(TOKEN, c[0], c[1], "HF_ROUTER_URL", false);
            String said = v.refusal() != null ? "refused: " + v.refusal() : v.warning() != null ? "warned: "
                    + v.warning() : "sent";
            assertEquals(c[2], said, c[0]);
            if (v.refusal() != null) assertNull(v.token(), c[0]);
        }
        assertEquals(TOKEN, TokenDestination.of(TOKEN, "http://gateway.example/v1", null, "HF_ROUTER_URL",
                true).token(), "the opt-in");
    }

    @Test void plainHttpToAnotherHostIsRefusedBeforeAnythingIsSent() {
        t.write(t.config(), "{ models: { providers: { huggingface: { baseUrl: 'http://gateway.invalid/v1' } } } }");
        Run r = t.models("--plain");
        assertEquals(0, r.status());
        assertEquals("models: could not fetch the model list (refusing to send your Hugging Face token over plain http "
                + "to gateway.invalid;"
                + " use https, or set HF_ALLOW_HTTP_TOKEN=1 to allow it); using the built-in catalog\n", r.err());
    }

    @Test void aRedirectToAnotherPortIsFollowedWithoutTheToken() {
        a.answer("/v1/models", FakeRouter.Answer.json(302, "").header("Location", b.baseUrl() + "/models"));
        t.with("HF_ROUTER_URL", a.baseUrl());
        Run r = t.models("--plain");
        assertEquals(5, r.out().lines().count(), r.err());
        assertEquals("Bearer " + TOKEN.secret(), a.requests.get(0).authorization());
        assertNull(b.requests.get(0).authorization(), "the token stays with the origin it was meant for");
        String portA = a.baseUrl().replaceAll(".*:(\\d+)/v1", "$1"), portB = b.baseUrl().replaceAll(".*:(\\d+)/v1",
                "$1");
        assertEquals("models: warning: 127.0.0.1:" + portA + " redirected to 127.0.0.1:" + portB
                + ": followed without your token\n", r.err());
    }

    @Test void aRedirectWithinTheSameOriginKeepsTheToken() {
        a.answer("/v1/models", FakeRouter.Answer.json(301, "").header("Location", "/v1/models-moved"));
        a.answer("/v1/models-moved", 200, MODELS);
        t.with("HF_ROUTER_URL", a.baseUrl());
        assertEquals(5, t.models("--plain").out().lines().count());
        assertEquals("Bearer " + TOKEN.secret(), a.requests.get(1).authorization());
    }

    @Test void aPostRedirectedTo307IsPostedAgainWithoutTheTokenElsewhere() {
        a.chat("deepseek-ai/DeepSeek-R1", FakeRouter.Answer.json(307, "").header("Location", b.baseUrl()
                + "/chat/completions"));
        b.chat("deepseek-ai/DeepSeek-R1", FakeRouter.Answer.json(200,
                Repo.read("test/fixtures/chat/nostream_together.json")));
        t.with("HF_ROUTER_URL", a.baseUrl());
        Run r = t.chat("", "--no-stream", "hello");
        assertEquals(0, r.status(), r.err());
        assertEquals("POST", b.requests.get(0).method());
        assertNull(b.requests.get(0).authorization());
        assertEquals(a.requests.get(0).body(), b.requests.get(0).body(), "the same request, posted again");
        assertTrue(r.err().contains("followed without your token"), r.err());
    }

    @Test void hfEndpointFromTheFolderYouStandInIsNotUsed() {
        // The clone's ./.env points at a; the user's own state .env at b.
        t.write(t.cwd.resolve(".env"), "HF_ENDPOINT=" + a.hubUrl() + "\n");
        t.write(t.state().resolve(".env"), "HF_ENDPOINT=" + b.hubUrl() + "\n");
        b.answer("/api/whoami-v2", 200, Repo.read("test/fixtures/whoami-v2_finegrained.json"));
        Run r = t.onboard("", "--non-interactive", "--huggingface-api-key", TOKEN.secret());
        assertEquals(0, a.requests.size(), "the token never went to the ./.env's endpoint");
        assertEquals("/api/whoami-v2", b.requests.get(0).path());
        assertTrue(r.err().contains("onboard: warning: ./.env sets HF_ENDPOINT, which decides where your token goes: "
                + "not used from there\n"), r.err());
    }
}
