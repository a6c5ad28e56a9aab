import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The only user of the network: the Hugging Face router's OpenAI-compatible API (and the Hub's whoami) on
 * {@code java.net.http}. Everything it gets back is checked and every failure becomes a
 * {@link RouterError} with one plain line.
 */
final class RouterClient implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The real list is a few hundred KB; anything past this is not a model list. */
    static final int MAX_BODY = 32 * 1024 * 1024;

    static {
        // Basic logins for an https tunnel's CONNECT are off in the JDK unless this is cleared before its HTTP client
        // first reads it (once, when its classes load): a proxy login the user gave in HTTPS_PROXY needs it. It lets
        // the JDK answer a proxy's 407 with the login of ProxyLogin, which answers nothing else.
        if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
            System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        }
    }

    /** Redirects followed at most, as curl's default is 50 and browsers' about 20: a loop ends here. */
    private static final int MAX_REDIRECTS = 10;

    private final String baseUrl;
    private final Token token;
    /** Why the token may not be sent to this base URL (plain http), or null: every request then fails saying so. */
    private final String refusal;
    private final Duration timeout;
    private final java.util.function.Consumer<String> warn;
    private final Proxies proxies;
    /** Who pays for inference, sent as X-HF-Bill-To on chat completions only; null: the token's own account. */
    /** The organization chat completions (nothing else) are billed to; null for the token's account. */
    private final BillTo billTo;
    private final HttpClient http;
    /** The selector thread of this client, found by name when it starts (see close()); null if not found. */
    private final Thread selector;

    /**
     * A client of {@code baseUrl} sending what {@code verdict} allows of the token; {@code warn} is told, once
     * each, of a token sent to a host that is not Hugging Face's and of a redirect followed without it.
     */
    RouterClient(String baseUrl, TokenDestination.Verdict verdict, Duration timeout,
            java.util.function.Consumer<String> warn, Proxies proxies,
                 BillTo billTo) {
        this.billTo = billTo;
        this.baseUrl = baseUrl;
        this.proxies = proxies;
        this.token = verdict.token();
        this.refusal = verdict.refusal();
        this.timeout = timeout;
        this.warn = warn;
        if (verdict.warning() != null) warn.accept(verdict.warning());
        // Redirects are followed here, not by the client, which would send the token on to any host.
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (baseUrl.startsWith("http://")) {
            // A plain-http router (a local gateway, a test double): no TLS and no HTTP/2 upgrade to set up.
            builder.sslContext(NoTls.CONTEXT).sslParameters(new javax.net.ssl.SSLParameters())
                    .version(HttpClient.Version.HTTP_1_1);
        }
        // A proxy's login for a plain-http request goes as a Proxy-Authorization header of our own (see send). An
        // https tunnel's CONNECT takes it only from an Authenticator (the JDK puts no header of ours on a CONNECT),
        // and before JDK 24 a client with one drops every request's Authorization header, our token (JDK-8326949):
        // so that needs JDK 24+ (Proxies.of says so).
        if (proxies.any()) {
            try {
                proxies.checkUsableFor(URI.create(baseUrl));
            } catch (IllegalArgumentException e) {
                // a bad URL is said when it is used
            }
            builder.proxy(proxies);
            if (Runtime.version().feature() >= 24) builder.authenticator(new ProxyLogin(proxies));
        }
        Set<Thread> before = selectorThreads();
        this.http = builder.build();
        Set<Thread> mine = selectorThreads();
        mine.removeAll(before);
        this.selector = mine.size() == 1 ? mine.iterator().next() : null;
    }

    /**
     * Stops the client's selector thread. Not a nicety: while that thread waits in {@code epoll_wait},
     * the JVM's exit waits for it too, 300 ms, longer than the whole rest of a {@code models list}.
     * JDK 21+ clients close themselves; on 17-20 the only way in is to interrupt the thread, which makes
     * its loop end and close the selector (the client is unusable afterwards, as after close()).
     */
    @Override
    public void close() {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing a client whose requests are all done cannot fail in a way worth reporting
            }
        } else if (selector != null) {
            selector.interrupt();
            try {
                selector.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The JDK's HTTP client threads named {@code HttpClient-N-SelectorManager} in our thread group. */
    private static Set<Thread> selectorThreads() {
        Thread[] threads = new Thread[Thread.activeCount() + 8];
        int n = Thread.currentThread().getThreadGroup().enumerate(threads, false);
        Set<Thread> found = new HashSet<>();
        for (int i = 0; i < n; i++) if (threads[i].getName().endsWith("-SelectorManager")) found.add(threads[i]);
        return found;
    }

    /**
     * The SSL context of a plain-http client. The JDK would otherwise build its default one, loading the
     * security providers and the CA trust store (~0.25 s), for a connection that never uses TLS. This one
     * refuses every TLS operation: if a redirect ever led to https, the request fails; it cannot pass.
     */
    private static final class NoTls extends javax.net.ssl.SSLContextSpi {
        static final javax.net.ssl.SSLContext CONTEXT = new javax.net.ssl.SSLContext(new NoTls(), null, "none") { };

        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("TLS is off for a plain-http router URL");
        }

        protected void engineInit(javax.net.ssl.KeyManager[] km, javax.net.ssl.TrustManager[] tm,
                java.security.SecureRandom random) { }

        protected javax.net.ssl.SSLSocketFactory engineGetSocketFactory() { throw refused(); }

        protected javax.net.ssl.SSLServerSocketFactory engineGetServerSocketFactory() { throw refused(); }

        protected javax.net.ssl.SSLEngine engineCreateSSLEngine() { throw refused(); }

        protected javax.net.ssl.SSLEngine engineCreateSSLEngine(String host, int port) { throw refused(); }

        protected javax.net.ssl.SSLSessionContext engineGetServerSessionContext() { throw refused(); }

        protected javax.net.ssl.SSLSessionContext engineGetClientSessionContext() { throw refused(); }
    }

    /** Answers a proxy's 407 with the login of its setting, or none; never a server's 401 (our token answers that). */
    private static final class ProxyLogin extends java.net.Authenticator {
        private final Proxies proxies;

        ProxyLogin(Proxies proxies) { this.proxies = proxies; }

        @Override
        protected java.net.PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) return null;
            Proxies.Setting s = proxies.named(getRequestingHost(), getRequestingPort());
            return s == null || s.user() == null ? null : new java.net.PasswordAuthentication(s.user(),
                    s.password().toCharArray());
        }
    }

    /** A client of the router: {@code HF_ROUTER_URL}, else the config's baseUrl, else the public router. */
    static RouterClient forRouter(Env env, JsonValue config, Token token, Duration timeout,
            java.util.function.Consumer<String> warn) {
        return forRouter(env, config, token, timeout, warn, null);
    }

    /** {@link #forRouter} billing chat completions to {@code billTo}'s organization (null: the token's account). */
    static RouterClient forRouter(Env env, JsonValue config, Token token, Duration timeout,
            java.util.function.Consumer<String> warn, BillTo billTo) {
        String url = ConfigFile.baseUrl(env, config), configured = ConfigFile.string(config, ConfigFile.BASE_URL);
        String named = env.process("HF_ROUTER_URL") != null ? "HF_ROUTER_URL" : configured != null
                ? "the config's baseUrl" : "the default router";
        return new RouterClient(url, TokenDestination.of(token, url, configured, named,
                "1".equals(env.process(TokenDestination.ALLOW_HTTP))), timeout, warn,
                Proxies.of(env), billTo);
    }

    /** A client of the Hub at {@code hub} (HF_ENDPOINT, else https://huggingface.co). */
    static RouterClient forHub(Env env, String hub, Token token, Duration timeout,
            java.util.function.Consumer<String> warn) {
        return new RouterClient(hub, TokenDestination.of(token, hub, null, "HF_ENDPOINT",
                "1".equals(env.process(TokenDestination.ALLOW_HTTP))), timeout, warn,
                Proxies.of(env), null);
    }

    BillTo billTo() { return billTo; }

    /**
     * Why no request to this router can ever go (a base URL that is not one, a token no header can carry, a token
     * refused over plain http), or null. A local, permanent error: said once, never retried nor passed to fallbacks.
     */
    String cannotSend() {
        try {
            URI uri = URI.create(baseUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return refusal;
        } catch (IllegalArgumentException e) {
            // said below
        }
        return "the router URL '" + Printable.line(baseUrl)
                + "' is not an http(s) URL with a host (HF_ROUTER_URL, else the config's baseUrl)";
    }

    /** Whether requests carry a token: a 401 means "rejected" only when one was sent. */
    boolean sendsToken() { return token != null; }

    /**
     * Where the token sent came from ({@code environment variable HUGGINGFACE_HUB_TOKEN}), or null when none is sent.
     */
    String tokenSource() { return token == null ? null : token.source(); }

    /** {@code GET {baseUrl}/models}, with the bearer token when there is one: the body as it came. */
    String models() throws RouterError {
        HttpRequest.Builder request = request(baseUrl + "/models", timeout).header("Accept", "application/json").GET();
        try (RouterResponse answer = send(request, baseUrl + "/models", timeout, timeout)) {
            String body = answer.rest(MAX_BODY);
            if (answer.status() / 100 != 2) throw RouterError.forStatus(answer.status(), body, token != null);
            return body;
        }
    }

    /**
     * {@code GET {baseUrl}/api/whoami-v2} on the Hub (this client made with the Hub's URL: HF_ENDPOINT or
     * https://huggingface.co): the account behind the token. A non-2xx answer is a RouterError with its status.
     */
    JsonValue whoami() throws RouterError {
        String url = baseUrl + "/api/whoami-v2";
        try (RouterResponse answer = send(request(url, timeout).header("Accept", "application/json").GET(), url,
                timeout, timeout)) {
            String body = answer.rest(1024 * 1024);
            if (answer.status() / 100 != 2) throw RouterError.forStatus(answer.status(), body, token != null);
            try {
                return Json.parse(body);
            } catch (JsonException e) {
                throw new RouterError(0, "the answer is not JSON (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * {@code POST {baseUrl}/chat/completions} with {@code request}: returns once the status line and headers
     * have come (within {@code idle}); the body follows through the answer, line by line.
     */
    RouterResponse chat(JsonValue request, boolean stream, Duration idle) throws RouterError {
        return post("/chat/completions", request, stream, idle);
    }

    /** {@code POST {baseUrl}/responses} (the beta Responses API, which runs Remote MCP servers), as {@link #chat}. */
    RouterResponse responses(JsonValue request, boolean stream, Duration idle) throws RouterError {
        return post("/responses", request, stream, idle);
    }

    private RouterResponse post(String path, JsonValue request, boolean stream, Duration idle) throws RouterError {
        String url = baseUrl + path;
        HttpRequest.Builder builder = request(url, idle).header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(request)));
        if (billTo != null) builder.header(BillTo.HEADER, billTo.org());
        return send(builder, url, idle, null);
    }

    /**
     * What every request says it is (not {@code Java-http-client/17.0.15}): the router's and the Hub's logs can tell us
     * apart.
     */
    static final String USER_AGENT = "openclaw-hf/" + Cli.VERSION + " (java " + Runtime.version().feature() + ")";

    private HttpRequest.Builder request(String url, Duration headTimeout) throws RouterError {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(url)).timeout(headTimeout);
        } catch (IllegalArgumentException e) {
            throw new RouterError(0, "bad router URL " + url);
        }
        builder.header("User-Agent", USER_AGENT);
        if (token != null) builder.header("Authorization", "Bearer " + token.secret());
        return builder;
    }

    /**
     * Sends and waits for the head; {@code whole} limits the whole request, or null for no limit. Follows redirects
     * itself: the token goes on only to the same origin
     * (scheme, host and port); to another, the request is made again without it, and {@code warn} says so.
     */
    private RouterResponse send(HttpRequest.Builder builder, String url, Duration idle,
            Duration whole) throws RouterError {
        if (refusal != null) throw new RouterError(0, refusal);
        HttpRequest request = builder.build();
        for (int hop = 0; ; hop++) {
            Proxies.Setting proxy = proxies.settingFor(request.uri());
            // Plain http through a proxy: the token would travel in clear text to the proxy and on from it.
            if (proxy != null && "http".equalsIgnoreCase(request.uri().getScheme())
                    && request.headers().firstValue("authorization").isPresent()) {
                throw new Cli.Failure("not sending the token in clear text through the proxy " + proxy.host() + ":"
                        + proxy.port() + " ("
                        + proxy.variable() + ") to " + host(request.uri().toString())
                                + "; use https, or list the host in NO_PROXY");
            }
            // A plain-http request through a proxy is sent to the proxy itself, so its login goes as our own header.
            // Never on an https request: that header would travel inside the tunnel, to the router (an https
            // tunnel's login comes from ProxyLogin, on the CONNECT alone). A request that goes directly carries none.
            HttpRequest.Builder login = HttpRequest.newBuilder(request, (name,
                    value) -> !name.equalsIgnoreCase("proxy-authorization"));
            if (proxy != null && proxy.user() != null
                    && "http".equalsIgnoreCase(request.uri().getScheme())) login.header("Proxy-Authorization",
                            proxy.basicLogin());
            request = login.build();
            RouterResponse answer = new RouterResponse(idle, whole, host(request.uri().toString()), proxy);
            answer.started(http.sendAsync(request, answer.handler()));
            answer.awaitHead();
            int status = answer.status();
            if (status == 407 && proxy != null) {
                answer.close();
                throw new RouterError(407, proxy.refusedLogin());
            }
            String location = answer.headers().firstValue("location").orElse(null);
            if (location == null || (status != 301 && status != 302 && status != 303 && status != 307
                    && status != 308)) return answer;
            answer.close();
            if (hop == MAX_REDIRECTS) throw new RouterError(0, "more than " + MAX_REDIRECTS + " redirects from "
                    + host(url));
            URI next;
            try {
                next = request.uri().resolve(location);
            } catch (IllegalArgumentException e) {
                throw new RouterError(0, "a redirect to a bad address from " + host(request.uri().toString()));
            }
            boolean sameOrigin = origin(next).equals(origin(request.uri()));
            boolean keepsBody = status == 307 || status == 308;
            HttpRequest.Builder again = HttpRequest.newBuilder(request, (name, value) -> sameOrigin
                    || !name.equalsIgnoreCase("authorization")).uri(next);
            if (!keepsBody && !request.method().equals("GET")) again.GET();
            if (!sameOrigin && request.headers().firstValue("authorization").isPresent()) {
                warn.accept(host(request.uri().toString()) + " redirected to " + host(next.toString())
                        + ": followed without your token");
            }
            request = again.build();
        }
    }

    /** Scheme, host and port: what must stay the same for the token to go on. */
    private static String origin(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(java.util.Locale.ROOT);
    }

    private static String host(String url) {
        URI uri = URI.create(url);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
