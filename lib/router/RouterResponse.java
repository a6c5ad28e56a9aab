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
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One answer of the router as it arrives: status and headers first, then the body line by line. Lines
 * are handed over through a queue that the reader polls, so that a router that goes silent, before or
 * after the headers, is noticed (and the request cancelled) however the connection behaves: after
 * {@code idle} without data, or at the {@code deadline} of the whole request when there is one.
 */
final class RouterResponse implements AutoCloseable {
    /** What the HTTP client's threads hand to the reader, in order: the head, then body parts, then the end or a failure. */
    private sealed interface Item permits Head, Block, Line, Broken, End { }

    private record Head(HttpResponse.ResponseInfo info) implements Item { }

    private record Block(byte[] bytes) implements Item { }

    private record Line(String text) implements Item { }

    private record Broken(Throwable cause) implements Item { }

    private record End() implements Item { }

    private static final End END = new End();

    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Duration idle;
    /** The limit for the whole request, or null; {@code deadline} is its end on the nanoTime clock. */
    private final Duration whole;
    private final long deadline;
    private final String host;
    private volatile Flow.Subscription subscription;
    private CompletableFuture<?> exchange;
    private HttpResponse.ResponseInfo info;

    /** {@code whole}: the limit for the whole request (head and body), or null for none. */
    RouterResponse(Duration idle, Duration whole, String host) {
        this.idle = idle;
        this.whole = whole;
        this.deadline = whole == null ? 0 : System.nanoTime() + whole.toNanos();
        this.host = host;
    }

    /**
     * What the HTTP client is given: it reports the head, then feeds the body to our queue, as lines
     * for a stream, else as the byte blocks it arrives in (a 200 KB model list on one line is far
     * cheaper to take whole than through the JDK's line splitter).
     */
    HttpResponse.BodyHandler<Void> handler(boolean lines) {
        return head -> {
            queue.add(new Head(head));
            if (!lines) return HttpResponse.BodySubscribers.ofByteArrayConsumer(block -> queue.add(block.isPresent() ? new Block(block.get()) : END));
            return HttpResponse.BodySubscribers.fromLineSubscriber(new Flow.Subscriber<String>() {
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(Long.MAX_VALUE);
                }

                public void onNext(String line) { queue.add(new Line(line)); }

                public void onError(Throwable t) { queue.add(new Broken(t)); }

                public void onComplete() { queue.add(END); }
            }, s -> null, StandardCharsets.UTF_8, null);
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

    /** The next line of the body, without its line end; null at the end of the body. Lines mode only. */
    String nextLine() throws RouterError {
        Item item = take();
        if (item instanceof Line line) return line.text();
        if (item instanceof Block) throw new IllegalStateException("not asked for lines");
        if (item instanceof End) {
            queue.add(END);
            return null;
        }
        throw failure(item, false);
    }

    /**
     * The rest of the body as one string (lines joined with {@code \n}, which JSON reads the same as any
     * line end); fails past {@code max} bytes.
     */
    String rest(int max) throws RouterError {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Item item = take(); !(item instanceof End); item = take()) {
            if (item instanceof Block block) body.writeBytes(block.bytes());
            else if (item instanceof Line line) body.writeBytes((line.text() + "\n").getBytes(StandardCharsets.UTF_8));
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
                if (whole != null && deadline - System.nanoTime() <= 0) throw new RouterError(0, "timed out after " + Cli.seconds(whole));
                throw new RouterError(0, "no data from " + host + " for " + Cli.seconds(idle));
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
        Throwable t = item instanceof Broken broken ? broken.cause() : new IOException("unexpected " + item.getClass().getSimpleName());
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        if (t instanceof HttpConnectTimeoutException) return new RouterError(0, "no connection to " + host + " after " + RouterClient.CONNECT_TIMEOUT.toSeconds() + " s");
        if (t instanceof HttpTimeoutException) return new RouterError(0, whole != null ? "timed out after " + Cli.seconds(whole) : "no answer from " + host + " in " + Cli.seconds(idle));
        if (t instanceof ConnectException) return new RouterError(0, "cannot connect to " + host);
        if (t instanceof IOException && !beforeHead) return new RouterError(0, "the connection was cut" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")"));
        return new RouterError(0, "network error talking to " + host + (t.getMessage() == null ? "" : ": " + t.getMessage()));
    }

    /** Stops the request, whatever state it is in. */
    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
        if (exchange != null) exchange.cancel(true);
    }
}
