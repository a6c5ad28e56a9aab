import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for router.huggingface.co (and the Hub's whoami) on loopback, answering like the recorded
 * traffic. Answers are set per path, or for {@code POST /v1/chat/completions} per model named in the
 * request; several answers for one key are given in turn, the last one repeating. An answer may be sent
 * in parts (a stream), stall after a part until the test is done, or be cut off mid-body. Every request
 * is kept (method, path, Authorization header, body) for assertions.
 */
final class FakeRouter implements AutoCloseable {
    record Request(String method, String path, String authorization, String body, Map<String, List<String>> headers) {
        /** The first value of the request header {@code name} (any case), or null. */
        String header(String name) {
            for (Map.Entry<String,
                    List<String>> h : headers.entrySet()) if (h.getKey().equalsIgnoreCase(name)) return h.getValue().get(0);
            return null;
        }
    }

    /** What to answer. {@code stallAfter}/{@code cutAfter}: after that many parts (-1: never). */
    record Answer(int status, Map<String, String> headers, List<String> parts, int stallAfter, int cutAfter) {
        /** {@code stallAfter} for an answer that stalls before even its status line. */
        static final int BEFORE_HEAD = -2;

        static Answer json(int status, String body) { return new Answer(status, Map.of("Content-Type",
                "application/json"), List.of(body), -1, -1); }

        /** An event stream, sent one event ({@code data: ...} plus its blank line) per part. */
        static Answer sse(String body) {
            List<String> parts = new ArrayList<>();
            for (String event : body.split("(?<=\n\n)")) if (!event.isEmpty()) parts.add(event);
            return new Answer(200, Map.of("Content-Type", "text/event-stream"), parts, -1, -1);
        }

        Answer header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, h, parts, stallAfter, cutAfter);
        }

        Answer stallAfter(int n) { return new Answer(status, headers, parts, n, cutAfter); }

        Answer cutAfter(int n) { return new Answer(status, headers, parts, stallAfter, n); }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    /** The stubs a test must use: close() fails naming any never asked for, as gh's HTTP stubs do. */
    private final Set<String> required = ConcurrentHashMap.newKeySet();
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Released when the test is done with a stalled answer. */
    final CountDownLatch release = new CountDownLatch(1);

    FakeRouter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-router");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"), body,
                Map.copyOf(exchange.getRequestHeaders())));
        boolean chat = path.endsWith("/chat/completions");
        if (chat && delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer a = chat ? next("prompt:" + lastUserText(body)) : null;
        if (a == null) a = next(chat ? "model:" + model(body) : path);
        if (a == null) a = next(path);
        if (a == null) a = Answer.json(404, "{\"error\":\"Not Found\"}");
        try {
            if (a.stallAfter() == Answer.BEFORE_HEAD) release.await(60, TimeUnit.SECONDS);
            a.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            // One part, and no stall or cut after the head: sent with its length; otherwise chunked.
            boolean whole = a.parts().size() == 1 && a.stallAfter() < 0 && a.cutAfter() < 0;
            byte[] first = a.parts().get(0).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), whole ? (first.length == 0 ? -1 : first.length) : 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i <= a.parts().size(); i++) {
                if (i == a.stallAfter()) release.await(60, TimeUnit.SECONDS);
                // Dropping the connection mid-body, chunked encoding unfinished, is what a cut looks like:
                // a handler that throws gets its connection closed by the server as it stands.
                if (i == a.cutAfter()) throw new IllegalStateException("cut on purpose");
                if (i == a.parts().size()) break;
                out.write(a.parts().get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.close();
        } catch (InterruptedException | IOException e) {
            // the client went away
        }
        exchange.close();
    }

    private Answer next(String key) {
        Deque<Answer> queue = answers.get(key);
        if (queue == null) return null;
        asked.add(key);
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    /** The text of the request's last message, the key {@link #prompt} answers by. */
    private static String lastUserText(String body) {
        try {
            List<JsonValue> messages = Json.parse(body).asObject().get("messages").asArray().elements();
            return messages.get(messages.size() - 1).asObject().get("content").asString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** How long each chat request waits before it is answered: a router that takes its time. */
    volatile long delayMs;

    /** Answers to chat completions whose last message says {@code text}, in turn (before any by model). */
    FakeRouter prompt(String text, Answer... given) { return answer("prompt:" + text, given); }

    private static String model(String body) {
        try {
            return Json.parse(body).asObject().get("model").asString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The base URL a user would configure: {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    /** The Hub endpoint a user would set as HF_ENDPOINT: {@code http://127.0.0.1:PORT}. */
    String hubUrl() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    FakeRouter answer(String path, int status, String body) { return answer(path, Answer.json(status, body)); }

    /**
     * Answers for {@code path}, given in turn; the last one repeats. The test fails at close() if it is never asked
     * for.
     */
    FakeRouter answer(String path, Answer... given) {
        required.add(path);
        return maybe(path, given);
    }

    FakeRouter maybe(String path, int status, String body) { return maybe(path, Answer.json(status, body)); }

    /** {@link #answer}, for a stub a test's set-up gives every test, some of which never ask for it. */
    FakeRouter maybe(String path, Answer... given) {
        answers.put(path, new ConcurrentLinkedDeque<>(List.of(given)));
        return this;
    }

    /** The stubs given with {@link #answer} that no request asked for. */
    List<String> neverAsked() {
        List<String> never = new ArrayList<>();
        for (String key : required) if (!asked.contains(key)) never.add(key);
        java.util.Collections.sort(never);
        return never;
    }

    /** Answers to chat completions that ask for {@code model} (as sent: id and suffix), in turn. */
    FakeRouter chat(String model, Answer... given) { return answer("model:" + model, given); }

    /** {@link #chat} for a set-up's stub that some tests never use. */
    FakeRouter maybeChat(String model, Answer... given) { return maybe("model:" + model, given); }

    FakeRouter hang(String path) { return answer(path, Answer.json(200, "{}").stallAfter(Answer.BEFORE_HEAD)); }

    /** The chat requests received, as the models they asked for. */
    List<String> chatModels() {
        List<String> models = new ArrayList<>();
        for (Request r : requests) if (r.path().endsWith("/chat/completions")) models.add(model(r.body()));
        return models;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        if (!neverAsked().isEmpty()) throw new AssertionError("stubbed but never asked for: " + String.join(", ",
                neverAsked()));
    }
}
