import java.time.Duration;

/**
 * How many requests a batch keeps in flight: at most {@code most}, fewer after a 429. A rate limit halves the
 * number allowed and makes every new request wait a backoff (doubling while 429s keep coming, to at most 30 s); then
 * each run of that many answers in a row lets one more in, back up to {@code most}. So a provider's limit slows the
 * batch down instead of failing its items (additive increase, multiplicative decrease, as TCP paces a link).
 */
final class Pacer {
    /** Waits; tests pass one that records. */
    interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final int most;
    private final Pause pause;
    private int allowed;
    private int inFlight;
    private int answeredInARow;
    private Duration backoff = Duration.ZERO;
    /** Set by a 429: the wait the next request to start must make first. */
    private Duration owed = Duration.ZERO;

    Pacer(int most, Pause pause) {
        this.most = most;
        this.allowed = most;
        this.pause = pause;
    }

    /** Waits for a place among those in flight, and for any backoff a 429 asked for; then holds the place. */
    void acquire() throws InterruptedException {
        Duration wait;
        synchronized (this) {
            while (inFlight >= allowed) wait();
            inFlight++;
            wait = owed;
            owed = Duration.ZERO;
        }
        if (!wait.isZero()) {
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                release(false);
                throw e;
            }
        }
    }

    /** Gives the place back: {@code rateLimited} when the request ended on a 429. */
    synchronized void release(boolean rateLimited) {
        inFlight--;
        if (rateLimited) {
            allowed = Math.max(1, allowed / 2);
            answeredInARow = 0;
            backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), LONGEST_BACKOFF);
            owed = backoff;
        } else {
            backoff = Duration.ZERO;
            if (++answeredInARow >= allowed && allowed < most) {
                allowed++;
                answeredInARow = 0;
            }
        }
        notifyAll();
    }

    synchronized int allowed() { return allowed; }

    synchronized int inFlight() { return inFlight; }

    /** Waits until nothing is in flight. */
    synchronized void drain() throws InterruptedException {
        while (inFlight > 0) wait();
    }

    private static Duration min(Duration a, Duration b) { return a.compareTo(b) <= 0 ? a : b; }
}
