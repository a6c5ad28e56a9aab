import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for router.huggingface.co on loopback, answering like the recorded traffic. Each path
 * gets a canned answer; every request is kept (method, path, Authorization header) for assertions.
 */
final class FakeRouter implements AutoCloseable {
    record Request(String method, String path, String authorization, String body) { }

    record Answer(int status, String contentType, String body, boolean hang) { }

    private final HttpServer server;
    private final java.util.Map<String, Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Released when the test is done with a hanging answer. */
    final CountDownLatch release = new CountDownLatch(1);

    FakeRouter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-router");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"), body));
            Answer a = answers.getOrDefault(path, new Answer(404, "application/json", "{\"error\":\"Not Found\"}", false));
            try {
                if (a.hang()) release.await(60, TimeUnit.SECONDS);
                byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", a.contentType());
                exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException | IOException e) {
                // the client went away
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The base URL a user would configure: {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    FakeRouter answer(String path, int status, String body) {
        answers.put(path, new Answer(status, "application/json", body, false));
        return this;
    }

    FakeRouter hang(String path) {
        answers.put(path, new Answer(200, "application/json", "{}", true));
        return this;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
