import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock OpenClaw takes on a file it writes ({@code openclaw.json}, {@code .env}), spoken as OpenClaw
 * 2026.9.6 speaks it (npm {@code @openclaw/fs-safe}, its sidecar lock; OpenClaw's file-lock options):
 * <ul>
 * <li>the lock is the file {@code <name>.lock} beside the target, created exclusively (0600) and holding
 *     {@code {"pid": N, "createdAt": ISO, "starttime": T}} as JSON indented by two spaces, a newline, an
 *     ownership token (8 tabs, then 128 tabs or spaces) and a newline: the token is whitespace to JSON, so
 *     the whole file still parses; {@code starttime} is field 22 of {@code /proc/PID/stat} on Linux;
 * <li>a lock that exists is someone else's: waited for, retried with backoff;
 * <li>it is stale, and may be taken over, only when its owner is definitely gone: the pid names no live
 *     process (or a zombie), or one that started at another time; or, without a pid, its {@code createdAt}
 *     is over 30 s old. A lock that says neither (empty, not JSON) is never taken over: OpenClaw fails
 *     closed on it, and so do we;
 * <li>taking over is "remove if unchanged": under the folder {@code <name>.lock.reclaim} (made with mkdir;
 *     while it exists, nobody else reclaims), the lock is removed only if it is still the same file with
 *     the same bytes;
 * <li>the owner removes its lock when done, after checking it still holds its own bytes.
 * </ul>
 * Ours is removed on every way out: normal return, exception, and Ctrl-C (a shutdown hook); after a
 * {@code kill -9} it names a dead pid, which OpenClaw and we both reclaim. A leftover empty
 * {@code .lock} from this toolkit's earlier versions (which held an OS lock on an empty file) is removed
 * when no process holds that OS lock and it is older than a few seconds.
 */
final class SidecarLock implements AutoCloseable {
    /**
     * How long to wait for a lock someone else holds: ten seconds, about as long as OpenClaw's own config
     * writes retry. (The system property is for tests, which need not wait that long to see a wait run out.)
     */
    /** How long an edit waits for another holder of the lock. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /** A lock without a pid is stale this long after its {@code createdAt} (OpenClaw's config lock: 30 s). */
    static final Duration STALE = Duration.ofSeconds(30);
    /** An empty lock younger than this may be OpenClaw's between its exclusive create and its write. */
    private static final Duration EMPTY_GRACE = Duration.ofSeconds(5);
    private static final int MAX_LOCK_BYTES = 1024 * 1024;

    /** Locks this process holds, removed by the shutdown hook if the JVM is stopped while holding them. */
    private static final Set<SidecarLock> HELD = ConcurrentHashMap.newKeySet();
    private static Thread cleanup;

    /** The lock could not be had within the wait: someone else holds it. {@code owner}: its pid, or null. */
    static final class Busy extends IOException {
        final Long owner;

        Busy(Path target, Long owner) {
            super(target.getFileName() + " is being changed by another process" + (owner == null ? "" : " (pid " + owner
                    + ")") + "; try again");
            this.owner = owner;
        }
    }

    final Path path;
    private final byte[] bytes;
    private volatile boolean released;

    private SidecarLock(Path path, byte[] bytes) {
        this.path = path;
        this.bytes = bytes;
    }

    /**
     * Runs {@code work} holding {@code file}'s lock, waiting up to {@code wait} for another holder, its folder made
     * first (0700): how {@link ConfigFile} and {@link DotEnv} edit a file OpenClaw may be editing too.
     */
    static <T> T locked(Path file, Duration wait, java.util.concurrent.Callable<T> work) throws Exception {
        SafeFile.createFolder(file.toAbsolutePath().getParent());
        try (SidecarLock lock = acquire(file.toAbsolutePath(), wait)) {
            return work.call();
        }
    }

    /** The lock of {@code target} (its folder must exist), waiting up to {@code wait} for another holder. */
    static SidecarLock acquire(Path target, Duration wait) throws IOException {
        Path lock = target.resolveSibling(target.getFileName() + ".lock");
        byte[] mine = payload(ProcessHandle.current().pid(), Instant.now(), new Random());
        long deadline = System.nanoTime() + wait.toNanos();
        Random jitter = new Random();
        Long owner = null;
        for (int attempt = 0; ; attempt++) {
            if (!Files.exists(reclaimGuard(lock), LinkOption.NOFOLLOW_LINKS) && create(lock, mine)) {
                SidecarLock held = new SidecarLock(lock, mine);
                held.register();
                return held;
            }
            Held other = Held.read(lock);
            if (other != null) {
                owner = other.pid;
                if (other.stale(lock, Instant.now())) {
                    reclaim(lock, other);
                    continue;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new Busy(target, owner);
            // OpenClaw's backoff: 25 ms growing by 1.2 each time up to 250 ms, randomised.
            long delay = (long) Math.min(250, 25 * Math.pow(1.2, Math.min(attempt, 20)));
            sleep(Math.min(left / 1_000_000 + 1, delay / 2 + jitter.nextInt((int) delay / 2 + 1)));
        }
    }

    /** Removes the lock if it still holds our bytes; safe to call twice. */
    @Override
    public void close() {
        if (released) return;
        released = true;
        HELD.remove(this);
        try {
            if (Arrays.equals(FileReads.bytes(path, MAX_LOCK_BYTES), bytes)) SafeFile.remove(path);
        } catch (IOException gone) {
            // already removed (or replaced by someone who reclaimed it): nothing of ours to remove
        }
    }

    /**
     * {@code {"pid": N, "createdAt": "...", "starttime": T}}, two-space JSON as JavaScript's
     * {@code JSON.stringify(payload, null, 2)} writes it, then the ownership token. The token only has to
     * be unlikely to repeat (the file is also compared by its whole bytes), so a plain Random serves.
     */
    static byte[] payload(long pid, Instant now, Random random) {
        StringBuilder sb = new StringBuilder("{\n  \"pid\": ").append(pid).append(",\n  \"createdAt\": "
                + "\"").append(UtcTime.format(now)).append('"');
        Long starttime = startTime(pid);
        if (starttime != null) sb.append(",\n  \"starttime\": ").append(starttime);
        sb.append("\n}\n").append("\t".repeat(8));
        for (int i = 0; i < 128; i++) sb.append(random.nextBoolean() ? '\t' : ' ');
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Field 22 of {@code /proc/PID/stat} (start time in clock ticks since boot), or null off Linux. */
    static Long startTime(long pid) {
        try {
            String stat = FileReads.text(Path.of("/proc", Long.toString(pid), "stat"), 64 * 1024);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+");
            return fields.length > 19 ? Long.valueOf(fields[19]) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Creates the lock file exclusively with our bytes; false when it exists already. */
    private static boolean create(Path lock, byte[] bytes) throws IOException {
        try {
            SafeFile.createNew(lock, bytes);
            return true;
        } catch (FileAlreadyExistsException held) {
            return false;
        }
    }

    private static Path reclaimGuard(Path lock) { return lock.resolveSibling(lock.getFileName() + ".reclaim"); }

    /**
     * Removes a stale lock if it is still the one judged stale, under the reclaim guard; quietly gives up otherwise.
     */
    private static void reclaim(Path lock, Held stale) throws IOException {
        Path guard = reclaimGuard(lock);
        try {
            SafeFile.createFolderExclusively(guard);
        } catch (FileAlreadyExistsException busy) {
            return;   // someone else is reclaiming: wait as for any holder
        }
        try {
            Held now = Held.read(lock);
            if (now != null && now.sameAs(stale)) SafeFile.remove(lock);
        } finally {
            SafeFile.remove(guard);
        }
    }

    private void register() {
        HELD.add(this);
        synchronized (SidecarLock.class) {
            if (cleanup != null) return;
            cleanup = new Thread(new Runnable() {
                @Override
                public void run() { for (SidecarLock l : HELD) l.close(); }
            }, "sidecar-lock-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a lock");
        }
    }

    /** A lock file someone else holds, as read once: its bytes, its file identity and what its payload says. */
    private record Held(byte[] bytes, Object fileKey, Instant modified, Long pid, Long starttime, Instant createdAt) {
        /** The lock as it is now; null when it is gone. Anything but a regular file is an error, not a lock. */
        static Held read(Path lock) throws IOException {
            BasicFileAttributes attributes;
            byte[] bytes;
            try {
                attributes = Files.readAttributes(lock, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile()) throw new IOException(lock
                        + " is not a regular file; remove it if nothing is running");
                if (attributes.size() > MAX_LOCK_BYTES) throw new IOException(lock
                        + " is larger than a lock file can be");
                bytes = FileReads.bytes(lock, MAX_LOCK_BYTES);
            } catch (NoSuchFileException gone) {
                return null;
            }
            Long pid = null, starttime = null;
            Instant createdAt = null;
            try {
                JsonObject payload = Json.parse(new String(bytes, StandardCharsets.UTF_8)).asObject();
                pid = payload.wholeOrNull("pid");
                if (pid != null && pid <= 0) pid = null;
                starttime = payload.wholeOrNull("starttime");
                String created = payload.string("createdAt");
                if (created != null) createdAt = UtcTime.parse(created);
            } catch (RuntimeException notOurs) {
                // empty or not JSON: judged by emptiness and age alone (see stale)
            }
            return new Held(bytes, attributes.fileKey(), attributes.lastModifiedTime().toInstant(), pid, starttime,
                    createdAt);
        }

        boolean stale(Path lock, Instant now) throws IOException {
            if (pid != null) {
                Long observed = startTime(pid);
                if (starttime != null && observed != null && !observed.equals(starttime)) return true;
                return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || zombie(pid);
            }
            if (createdAt != null) return createdAt.plus(STALE).isBefore(now);
            return bytes.length == 0 && modified.plus(EMPTY_GRACE).isBefore(now) && !osLocked(lock);
        }

        /** A process that has exited and waits for its parent: as dead as one that is gone (Linux only). */
        private static boolean zombie(long pid) {
            try {
                String stat = FileReads.text(Path.of("/proc", Long.toString(pid), "stat"), 64 * 1024);
                return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /**
         * Whether a process holds an OS lock on the file, as this toolkit's earlier versions did on their empty lock.
         */
        private static boolean osLocked(Path lock) {
            return SafeFile.osLocked(lock);
        }

        boolean sameAs(Held other) {
            return Arrays.equals(bytes, other.bytes) && java.util.Objects.equals(fileKey, other.fileKey);
        }
    }
}
