import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS_PROXY, HTTP_PROXY and NO_PROXY, honoured by every request of every script, against a proxy on loopback. */
class ProxiesTest {
    static final String MODELS = Repo.read("test/fixtures/router-models.json");
    static final String TOKEN = "hf_abcdefghijklmnopqrstuvwxyz";

    @TempDir Path tmp;
    TestEnv t;
    FakeRouter router;
    FakeProxy proxy;

    @BeforeEach void setUp() throws Exception {
        router = new FakeRouter().answer("/v1/models", 200, MODELS).answer("/api/whoami-v2", 200, Repo.read("test/fixtures/whoami-v2_finegrained.json"))
                .chat("deepseek-ai/DeepSeek-R1", FakeRouter.Answer.json(200, Repo.read("test/fixtures/chat/nostream_together.json")));
        proxy = new FakeProxy();
        t = new TestEnv(tmp).with("HF_TOKEN", TOKEN).with("HF_ROUTER_URL", router.baseUrl()).with("HF_ENDPOINT", router.hubUrl());
    }

    @AfterEach void tearDown() throws Exception {
        router.close();
        proxy.close();
    }

    /** {@code {NO_PROXY entry, host, port, whether it goes directly}}. */
    @Test void noProxyRules() {
        Object[][] cases = {
                {"*", "router.huggingface.co", 443, true},
                {"huggingface.co", "huggingface.co", 443, true},
                {"huggingface.co", "router.huggingface.co", 443, true},
                {".huggingface.co", "huggingface.co", 443, true},
                {"*.huggingface.co", "router.huggingface.co", 443, true},
                {"huggingface.co", "evilhuggingface.co", 443, false},
                {"huggingface.co:443", "huggingface.co", 443, true},
                {"huggingface.co:8443", "huggingface.co", 443, false},
                {"127.0.0.1", "127.0.0.1", 8080, true},
                {"127.0.0.1", "127.0.0.10", 8080, false},
                {"10.0.0.0/8", "10.20.30.40", 80, true},
                {"10.0.0.0/8", "11.0.0.1", 80, false},
                {"10.0.0.0/8", "ten.example", 80, false},
                {"::1", "::1", 80, true},
                {"[::1]:8080", "::1", 8080, true},
                {"[::1]:8080", "::1", 8081, false},
                {"fd00::/8", "fd12::1", 443, true},
        };
        for (Object[] c : cases) assertEquals(c[3], Proxies.matches((String) c[0], (String) c[1], (int) c[2]), c[0] + " vs " + c[1] + ":" + c[2]);
    }

    @Test void everyScriptsRequestsGoThroughTheProxy() {
        t.with("HTTP_PROXY", proxy.url());
        Run models = t.models("--refresh", "--plain");
        assertEquals(0, models.status(), models.err());
        assertEquals(5, models.out().lines().count(), models.err());
        Run chat = t.chat("", "--no-stream", "hello");
        assertEquals(0, chat.status(), chat.err());
        Run onboard = t.onboard("", "--non-interactive", "--huggingface-api-key", TOKEN);
        assertEquals(0, onboard.status(), onboard.err());
        String port = router.baseUrl().replaceAll(".*:(\\d+)/v1", "$1");
        assertEquals(List.of("GET http://127.0.0.1:" + port + "/v1/models HTTP/1.1", "POST http://127.0.0.1:" + port + "/v1/chat/completions HTTP/1.1",
                "GET http://127.0.0.1:" + port + "/api/whoami-v2 HTTP/1.1"), proxy.seen());
        assertEquals(3, router.requests.size(), "and the router got them");
        for (FakeRouter.Request request : router.requests) assertEquals("Bearer " + TOKEN, request.authorization(), request.path());
    }

    @Test void lowerCaseFirstAndNoProxyGoesDirectly() {
        t.with("http_proxy", "http://me:s3cret-pass@127.0.0.1:" + proxy.port()).with("HTTP_PROXY", "http://127.0.0.1:9").with("NO_PROXY", "example.com, 127.0.0.1");
        Run r = t.models("--refresh", "--plain");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(), proxy.seen(), "127.0.0.1 is in NO_PROXY");
        assertEquals(1, router.requests.size());
        assertEquals(null, router.requests.get(0).header("Proxy-Authorization"), "the proxy's login never goes to anyone but the proxy");
        t.vars.remove("NO_PROXY");
        assertEquals(0, t.models("--refresh", "--plain").status());
        assertEquals(1, proxy.seen().size(), "http_proxy wins over HTTP_PROXY");
    }

    @Test void httpsGoesThroughAConnectTunnel() {
        // Nothing listens at port 9: the tunnel fails, but the request went to the proxy, as CONNECT.
        t.with("HTTPS_PROXY", proxy.url()).with("HF_ROUTER_URL", "https://127.0.0.1:9/v1");
        Run r = t.models("--refresh", "--plain");
        assertEquals(List.of("CONNECT 127.0.0.1:9 HTTP/1.1"), proxy.seen());
        assertEquals("models: could not fetch the model list (the proxy 127.0.0.1:" + proxy.port() + " (HTTPS_PROXY) would not connect to 127.0.0.1:9 (502));"
                + " using the built-in catalog\n", r.err());
    }

    @Test void aProxyThatWantsALoginIsNamedWithoutTheSecret() {
        proxy.demandLogin("me:s3cret-pass");
        t.with("HTTP_PROXY", proxy.url());
        Run r = t.models("--refresh", "--plain");
        assertEquals("models: could not fetch the model list (the proxy 127.0.0.1:" + proxy.port() + " (HTTP_PROXY) asks for a user and password (407):"
                + " give them in HTTP_PROXY as http://USER:PASSWORD@127.0.0.1:" + proxy.port() + "); using the built-in catalog\n", r.err());
        t.with("HTTP_PROXY", "http://me:s3cret-pass@127.0.0.1:" + proxy.port());
        Run again = t.models("--refresh", "--plain");
        assertEquals(0, again.status(), again.err());
        assertEquals("", again.err(), "the login was given when asked");
        assertEquals(1, router.requests.size());
        assertEquals("Bearer " + TOKEN, router.requests.get(0).authorization(), "and the token still went to the router");
    }

    /** JDK 24+: an https tunnel's login; before, a clear refusal (the JDK would drop the token: JDK-8326949). */
    @Test void anHttpsProxysLogin() {
        proxy.demandLogin("me:s3cret-pass");
        t.with("HTTPS_PROXY", "http://me:s3cret-pass@127.0.0.1:" + proxy.port()).with("HF_ROUTER_URL", "https://127.0.0.1:9/v1");
        Run r = t.models("--refresh", "--plain");
        if (Runtime.version().feature() >= 24) {
            // Past the login, the proxy tries port 9, where nothing listens: a 502, not a 407.
            assertEquals("models: could not fetch the model list (the proxy 127.0.0.1:" + proxy.port() + " (HTTPS_PROXY) would not connect to 127.0.0.1:9 (502));"
                    + " using the built-in catalog\n", r.err());
        } else {
            assertEquals(new Run(1, "", "models: HTTPS_PROXY: a proxy login for https needs Java 24 or later (before it, the JDK drops the token of any request"
                    + " made with one: JDK-8326949); use a proxy without a login, or a newer Java\n"), r);
        }
        assertTrue(!r.err().contains("s3cret"), "the password is never shown");
    }

    @Test void aProxyThatIsNotThereIsNamed() throws Exception {
        int port = proxy.port();
        proxy.close();
        t.with("HTTP_PROXY", "http://127.0.0.1:" + port);
        Run r = t.chat("", "--no-stream", "--retries", "0", "hello");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("chat: deepseek-ai/DeepSeek-R1: cannot connect to the proxy 127.0.0.1:" + port + " (HTTP_PROXY)"), r.err());
    }

    @Test void aBadProxySettingIsOneLine() {
        t.with("HTTPS_PROXY", "socks5://127.0.0.1:1080");
        assertEquals(new Run(1, "", "models: HTTPS_PROXY: only http:// proxies are supported, not socks5://\n"), t.models("--refresh", "--plain"));
    }
}
