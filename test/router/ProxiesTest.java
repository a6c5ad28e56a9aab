import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTPS_PROXY, HTTP_PROXY and NO_PROXY, honoured by every request of every script, against a proxy on loopback. */
class ProxiesTest extends RouterTest {
    static final String MODELS = Repo.read("test/fixtures/router-models.json");
    static final String TOKEN = "hf_abcdefghijklmnopqrstuvwxyz";

    FakeProxy proxy;

    @BeforeEach void setUp() throws Exception {
        router.maybe("/v1/models", 200, MODELS).maybe("/api/whoami-v2", 200,
                Repo.read("test/fixtures/whoami-v2_finegrained.json"))
                .maybeChat("deepseek-ai/DeepSeek-R1", FakeRouter.Answer.json(200,
                        Repo.read("test/fixtures/chat/nostream_together.json")));
        proxy = new FakeProxy();
        t.with("HF_TOKEN", TOKEN).with("HF_ENDPOINT", router.hubUrl());
    }

    @AfterEach void tearDown() throws Exception { proxy.close(); }

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
                {"0:0:0:0:0:0:0:1", "::1", 80, true},
                {"::1", "0:0:0:0:0:0:0:1", 80, true},
        };
        for (Object[] c : cases) assertEquals(c[3], Proxies.matches((String) c[0], (String) c[1], (int) c[2]), c[0]
                + " vs " + c[1] + ":" + c[2]);
    }

    /** The router as reached through a proxy: a name that is not loopback (FakeProxy takes it to 127.0.0.1). */
    String proxiedRouter() { return router.baseUrl().replace("127.0.0.1", FakeProxy.HOST); }

    String proxiedPort() { return router.baseUrl().replaceAll(".*:(\\d+)/v1", "$1"); }

    @Test void everyScriptsRequestsGoThroughTheProxy() {
        t.vars.remove("HF_TOKEN");
        t.with("HTTP_PROXY", proxy.url()).with("HF_ROUTER_URL", proxiedRouter());
        Run models = t.models("--refresh", "--plain");
        assertEquals(0, models.status(), models.err());
        assertEquals(5, models.out().lines().count(), models.err());
        Run chat = t.chat("", "--no-stream", "hello");
        assertEquals(0, chat.status(), chat.err());
        assertEquals(List.of("GET http://" + FakeProxy.HOST + ":" + proxiedPort() + "/v1/models HTTP/1.1",
                "POST http://" + FakeProxy.HOST + ":" + proxiedPort() + "/v1/chat/completions HTTP/1.1"), proxy.seen());
        assertEquals(2, router.requests.size(), "and the router got them");
    }

    @Test void loopbackNeverGoesThroughAProxy() {
        t.with("HTTP_PROXY", proxy.url()).with("HTTPS_PROXY", proxy.url());
        assertEquals(0, t.chat("", "--no-stream", "hello").status());
        assertEquals(0, t.models("--refresh", "--plain").status());
        assertEquals(List.of(), proxy.seen());
        for (FakeRouter.Request request : router.requests) assertEquals("Bearer " + TOKEN, request.authorization(),
                request.path());
        for (String host : List.of("localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "0:0:0:0:0:0:0:1",
                "api.localhost")) {
            assertTrue(Proxies.loopback(host), host);
        }
        for (String host : List.of("128.0.0.1", "router.huggingface.co", "::2",
                "localhost.example")) assertTrue(!Proxies.loopback(host), host);
    }

    @Test void theTokenNeverGoesInClearTextThroughAProxy() {
        t.with("HTTP_PROXY", proxy.url()).with("HF_ROUTER_URL", proxiedRouter()).with("HF_ALLOW_HTTP_TOKEN", "1");
        Run r = t.chat("", "--no-stream", "hello");
        assertEquals(new Run(1, "", "chat: not sending the token in clear text through the proxy 127.0.0.1:"
                + proxy.port() + " (HTTP_PROXY) to "
                + FakeProxy.HOST + ":" + proxiedPort() + "; use https, or list the host in NO_PROXY\n"),
                        withoutWarnings(r));
        assertEquals(List.of(), proxy.seen());
        assertEquals(0, router.requests.size());
    }

    static Run withoutWarnings(Run r) { return new Run(r.status(), r.out(),
            r.err().replaceAll("(?m)^chat: warning: .*\n", "")); }

    @Test void lowerCaseFirstAndNoProxyGoesDirectly() {
        t.vars.remove("HF_TOKEN");
        t.with("http_proxy", "http://me:s3cret-pass@127.0.0.1:" + proxy.port()).with("HTTP_PROXY",
                "http://127.0.0.1:9").with("NO_PROXY", "example.com, " + FakeProxy.HOST)
                .with("HF_ROUTER_URL", proxiedRouter());
        Run r = t.models("--refresh", "--plain");
        assertEquals(List.of(), proxy.seen(), FakeProxy.HOST + " is in NO_PROXY: directly (where it has no address)");
        t.vars.remove("NO_PROXY");
        assertEquals(0, t.models("--refresh", "--plain").status());
        assertEquals(1, proxy.seen().size(), "http_proxy wins over HTTP_PROXY");
        assertEquals(null, router.requests.get(0).header("Proxy-Authorization"),
                "the proxy's login never goes to anyone but the proxy");
    }

    @Test void httpsGoesThroughAConnectTunnel() {
        // Nothing listens at port 9: the tunnel fails, but the request went to the proxy, as CONNECT.
        t.vars.remove("HF_TOKEN");
        t.with("HTTPS_PROXY", proxy.url()).with("HF_ROUTER_URL", "https://" + FakeProxy.HOST + ":9/v1");
        Run r = t.models("--refresh", "--plain");
        assertEquals(List.of("CONNECT " + FakeProxy.HOST + ":9 HTTP/1.1"), proxy.seen());
        assertEquals("models: could not fetch the model list (the proxy 127.0.0.1:" + proxy.port()
                + " (HTTPS_PROXY) would not connect to " + FakeProxy.HOST
                + ":9 (502)); using the built-in catalog\n", r.err());
    }

    @Test void aProxyThatWantsALoginIsNamedWithoutTheSecret() {
        t.vars.remove("HF_TOKEN");
        proxy.demandLogin("me:s3cret-pass");
        t.with("HTTP_PROXY", proxy.url()).with("HF_ROUTER_URL", proxiedRouter());
        Run r = t.models("--refresh", "--plain");
        assertEquals("models: could not fetch the model list (the proxy 127.0.0.1:" + proxy.port()
                + " (HTTP_PROXY) asks for a user and password (407):"
                + " give them in HTTP_PROXY as http://USER:PASSWORD@127.0.0.1:" + proxy.port()
                        + "); using the built-in catalog\n", r.err());
        t.with("HTTP_PROXY", "http://me:s3cret-pass@127.0.0.1:" + proxy.port());
        Run again = t.models("--refresh", "--plain");
        assertEquals(0, again.status(), again.err());
        assertEquals("", again.err(), "the login was given when asked");
        assertEquals(1, router.requests.size());
    }

    /** JDK 24+: an https tunnel's login; before, a clear refusal (the JDK would drop the token: JDK-8326949). */
    @Test void anHttpsProxysLogin() {
        t.vars.remove("HF_TOKEN");
        proxy.demandLogin("me:s3cret-pass");
        t.with("HTTPS_PROXY", "http://me:s3cret-pass@127.0.0.1:" + proxy.port()).with("HF_ROUTER_URL", "https://"
                + FakeProxy.HOST + ":9/v1");
        Run r = t.models("--refresh", "--plain");
        if (Runtime.version().feature() >= 24) {
            // Past the login, the proxy tries port 9, where nothing listens: a 502, not a 407.
            assertEquals("models: could not fetch the model list (the proxy 127.0.0.1:" + proxy.port()
                    + " (HTTPS_PROXY) would not connect to "
                    + FakeProxy.HOST + ":9 (502)); using the built-in catalog\n", r.err());
        } else {
            assertEquals(new Run(1, "",
                    "models: HTTPS_PROXY: a proxy login for https needs Java 24 or later (before it, the JDK drops the "
                            + "token of any request"
                    + " made with one: JDK-8326949); use a proxy without a login, or a newer Java\n"), r);
        }
        assertTrue(!r.err().contains("s3cret"), "the password is never shown");
    }

    @Test void anHttpsProxysLoginDoesNotStopARouterItIsNotUsedFor() {
        t.with("HTTPS_PROXY", "http://me:s3cret-pass@127.0.0.1:" + proxy.port());
        assertEquals(0, t.chat("", "--no-stream", "hello").status(), "a plain-http router on loopback: on every JDK");
    }

    @Test void aProxyThatIsNotThereIsNamed() throws Exception {
        t.vars.remove("HF_TOKEN");
        // Port 9 (discard), closed here as in the other tests: a port just freed can be taken by a test running
        // alongside.
        int port = 9;
        t.with("HTTP_PROXY", "http://127.0.0.1:" + port).with("HF_ROUTER_URL", proxiedRouter());
        Run r = t.chat("", "--no-stream", "--retries", "0", "hello");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("chat: deepseek-ai/DeepSeek-R1: cannot connect to the proxy 127.0.0.1:" + port
                + " (HTTP_PROXY)"), r.err());
    }

    @Test void aProxyThatFakesATunnelIsNamed() {
        t.vars.remove("HF_TOKEN");
        proxy.fakeTunnels();
        t.with("HTTPS_PROXY", proxy.url()).with("HF_ROUTER_URL", "https://" + FakeProxy.HOST + ":443/v1");
        Run r = t.models("--refresh", "--plain");
        assertTrue(r.err().startsWith("models: could not fetch the model list (the proxy 127.0.0.1:" + proxy.port()
                + " (HTTPS_PROXY) opened a tunnel to "
                + FakeProxy.HOST + ":443 that does not speak TLS ("), r.err());
    }

    @Test void aPortOutOfRangeIsOneLine() {
        t.with("HTTP_PROXY", "http://127.0.0.1:99999");
        assertEquals(new Run(1, "", "models: HTTP_PROXY: 99999 is not a port (1 to 65535)\n"), t.models("--refresh",
                "--plain"));
    }

    @Test void aBadProxySettingIsOneLine() {
        t.with("HTTPS_PROXY", "socks5://127.0.0.1:1080");
        assertEquals(new Run(1, "", "models: HTTPS_PROXY: only http:// proxies are supported, not socks5://\n"),
                t.models("--refresh", "--plain"));
    }
}
