import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One answer of the router as it arrives: status and headers first, then the body line by line. Lines
 * are handed over through a queue that the reader polls, so that a router that goes silent, before or
 * after the headers, is noticed (and the request cancelled) however the connection behaves: after
 * {@code idle} without data, or at the {@code deadline} of the whole request when there is one.
 */
final class RouterResponse implements AutoCloseable {
    /**
     * What the HTTP client's threads hand to the reader, in order: the head, then body parts, then the end or a
     * failure.
     */
    private sealed interface Item permits Head, Block, Broken, End { }

    private record Head(HttpResponse.ResponseInfo info) implements Item { }

    private record Block(byte[] bytes) implements Item { }

    private record Broken(Throwable cause) implements Item { }

    private record End() implements Item { }

    private static final End END = new End();

    /** The longest line a stream may have: an event of the router's is a few KB at most. */
    static final int MAX_LINE = 4 * 1024 * 1024;

    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    /** The block being split into lines, and where in it the next line starts; the line gathered so far. */
    private byte[] block;
    private int at;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    private final Duration idle;
    /** The limit for the whole request, or null; {@code deadline} is its end on the nanoTime clock. */
    private final Duration whole;
    private final long deadline;
    private final String host;
    /** The proxy the request goes through, or null. */
    private final Proxies.Setting proxy;
    private CompletableFuture<?> exchange;
    private HttpResponse.ResponseInfo info;

    /**
     * {@code whole}: the limit for the whole request (head and body), or null for none; {@code proxy}: see the field.
     */
    RouterResponse(Duration idle, Duration whole, String host, Proxies.Setting proxy) {
        this.idle = idle;
        this.whole = whole;
        this.deadline = whole == null ? 0 : System.nanoTime() + whole.toNanos();
        this.host = host;
        this.proxy = proxy;
    }

    /**
     * What the HTTP client is given: it reports the head, then feeds the body to our queue in the byte blocks
     * it arrives in. Lines are split here, in one pass over each block: the JDK's line splitter takes time
     * that grows with the square of a line's length (a 200 KB model list on one line, a hostile stream).
     */
    HttpResponse.BodyHandler<Void> handler() {
        return head -> {
            queue.add(new Head(head));
            return HttpResponse.BodySubscribers.ofByteArrayConsumer(block -> queue.add(block.isPresent()
                    ? new Block(block.get()) : END));
        };
    }

    /** Ties the request to this answer: a failure before the head arrives is queued like the rest. */
    void started(CompletableFuture<?> request) {
        this.exchange = request;
        request.whenComplete((r, failure) -> {
            if (failure != null) queue.add(new Broken(failure));
        });
    }

    /** Waits for the status line and headers (at most the idle timeout). */
    void awaitHead() throws RouterError {
        Item item = take();
        if (item instanceof Head head) {
            info = head.info();
            return;
        }
        throw failure(item, true);
    }

    int status() { return info.statusCode(); }

    HttpHeaders headers() { return info.headers(); }

    /**
     * The next line of the body, without its line end ({@code \n} or {@code \r\n}); null at the end of the
     * body. A line longer than {@link #MAX_LINE} fails: no answer of the router has one.
     */
    String nextLine() throws RouterError {
        while (true) {
            if (block != null) {
                for (int i = at; i < block.length; i++) {
                    if (block[i] != '\n') continue;
                    line.write(block, at, i - at);
                    at = i + 1;
                    return takeLine();
                }
                line.write(block, at, block.length - at);
                block = null;
                if (line.size() > MAX_LINE) {
                    close();
                    throw new RouterError(0, "a line of the answer is longer than " + MAX_LINE / (1024 * 1024) + " MB");
                }
            }
            Item item = take();
            if (item instanceof Block b) {
                block = b.bytes();
                at = 0;
            } else if (item instanceof End) {
                queue.add(END);
                return line.size() > 0 ? takeLine() : null;
            } else {
                throw failure(item, false);
            }
        }
    }

    /** The line gathered so far, without a final {@code \r}; the gathering starts over. */
    private String takeLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * The rest of the body as one string; fails past {@code max} bytes.
     */
    String rest(int max) throws RouterError {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Item item = take(); !(item instanceof End); item = take()) {
            if (item instanceof Block b) body.writeBytes(b.bytes());
            else if (!(item instanceof Head)) throw failure(item, false);
            if (body.size() > max) {
                close();
                throw new RouterError(0, "the answer is larger than " + max / (1024 * 1024) + " MB");
            }
        }
        queue.add(END);
        return body.toString(StandardCharsets.UTF_8).strip();
    }

    private Item take() throws RouterError {
        try {
            long wait = whole == null ? idle.toNanos() : Math.min(idle.toNanos(), deadline - System.nanoTime());
            Item item = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (item == null) {
                close();
                if (whole != null && deadline - System.nanoTime() <= 0) throw new RouterError(0, "timed out after "
                        + Figures.seconds(whole));
                throw new RouterError(0, silent());
            }
            return item;
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new RouterError(0, "interrupted");
        }
    }

    /** The error for an item that should not come here: a failure, or a head where a body part belongs. */
    private RouterError failure(Item item, boolean beforeHead) {
        Throwable t = item instanceof Broken broken ? broken.cause() : new IOException("unexpected "
                + item.getClass().getSimpleName());
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        if (proxy != null && beforeHead) {
            // Through a proxy, a connection that fails is the proxy's; a tunnel it would not open says its status.
            String said = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof HttpConnectTimeoutException) return new RouterError(0, "no connection to " + proxy.named()
                    + " after " + RouterClient.CONNECT_TIMEOUT.toSeconds() + " s");
            if (t instanceof ConnectException) return new RouterError(0, "cannot connect to " + proxy.named());
            if (said.startsWith("Tunnel failed, got: ")) return new RouterError(0, proxy.named()
                    + " would not connect to " + host + " (" + said.substring(20) + ")");
            // The JDK's words when its Authenticator (JDK 24+, see RouterClient) has no login for a 407.
            if (said.equals("No credentials provided")) return new RouterError(407, proxy.refusedLogin());
            // A proxy that said it opened the tunnel, then did not carry TLS to the host: its answer, not the host's.
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof javax.net.ssl.SSLException) {
                    return new RouterError(0, proxy.named() + " opened a tunnel to " + host
                            + " that does not speak TLS (" + Printable.line(said) + ")");
                }
            }
        }
        if (t instanceof HttpConnectTimeoutException) return new RouterError(0, "no connection to " + host + " after "
                + RouterClient.CONNECT_TIMEOUT.toSeconds() + " s");
        if (t instanceof HttpTimeoutException) return new RouterError(0, whole != null ? "timed out after "
                + Figures.seconds(whole) : silent());
        if (t instanceof ConnectException) return new RouterError(0, "cannot connect to " + host);
        if (t instanceof IOException && !beforeHead) return new RouterError(0, "the connection was cut"
                + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")"));
        return new RouterError(0, "network error talking to " + host + (t.getMessage() == null ? "" : ": "
                + t.getMessage()));
    }

    /**
     * A router silent for the idle time, before its head or in its body: one wording, whichever clock noticed first.
     */
    private String silent() { return host + " was silent for " + Figures.seconds(idle); }

    /** Stops the request, whatever state it is in. */
    @Override
    public void close() {
        if (exchange != null) exchange.cancel(true);
    }
}
