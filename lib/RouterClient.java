import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The only user of the network: the Hugging Face router's OpenAI-compatible API on
 * {@code java.net.http}. Everything it gets back is checked and every failure becomes a
 * {@link RouterError} with one plain line.
 */
final class RouterClient implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The real list is a few hundred KB; anything past this is not a model list. */
    static final int MAX_BODY = 32 * 1024 * 1024;

    private final String baseUrl;
    private final Token token;
    private final Duration timeout;
    private final HttpClient http;
    /** The selector thread of this client, found by name when it starts (see close()); null if not found. */
    private final Thread selector;

    RouterClient(String baseUrl, Token token, Duration timeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL);
        if (baseUrl.startsWith("http://")) {
            // A plain-http router (a local gateway, a test double): no TLS and no HTTP/2 upgrade to set up.
            builder.sslContext(NoTls.CONTEXT).sslParameters(new javax.net.ssl.SSLParameters()).version(HttpClient.Version.HTTP_1_1);
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

        protected void engineInit(javax.net.ssl.KeyManager[] km, javax.net.ssl.TrustManager[] tm, java.security.SecureRandom random) { }

        protected javax.net.ssl.SSLSocketFactory engineGetSocketFactory() { throw refused(); }

        protected javax.net.ssl.SSLServerSocketFactory engineGetServerSocketFactory() { throw refused(); }

        protected javax.net.ssl.SSLEngine engineCreateSSLEngine() { throw refused(); }

        protected javax.net.ssl.SSLEngine engineCreateSSLEngine(String host, int port) { throw refused(); }

        protected javax.net.ssl.SSLSessionContext engineGetServerSessionContext() { throw refused(); }

        protected javax.net.ssl.SSLSessionContext engineGetClientSessionContext() { throw refused(); }
    }

    /** {@code GET {baseUrl}/models}, with the bearer token when there is one: the body as it came. */
    String models() throws RouterError {
        return get(baseUrl + "/models");
    }

    private String get(String url) throws RouterError {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json").GET();
        } catch (IllegalArgumentException e) {
            throw new RouterError(0, "bad router URL " + url);
        }
        if (token != null) request.header("Authorization", "Bearer " + token.secret());
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) throw new RouterError(0, "the answer is larger than " + MAX_BODY / (1024 * 1024) + " MB");
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            if (response.statusCode() / 100 != 2) throw RouterError.forStatus(response.statusCode(), body);
            return body;
        } catch (HttpConnectTimeoutException e) {
            throw new RouterError(0, "no connection to " + host(url) + " after " + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new RouterError(0, "timed out after " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new RouterError(0, "cannot connect to " + host(url));
        } catch (IOException e) {
            throw new RouterError(0, "network error talking to " + host(url) + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterError(0, "interrupted");
        }
    }

    private static String host(String url) {
        URI uri = URI.create(url);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
