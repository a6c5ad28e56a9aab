import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The file layer's writing half (reads: {@link FileReads}); every file and folder this toolkit makes or
 * removes goes through it ({@code ScriptsTest} fails on code in {@code lib/} that does it another way):
 * <ul>
 * <li>a folder we make is 0700 and a file 0600 (a command we install 0755), set explicitly after creation, so
 *     that no umask (not even 000) widens them;
 * <li>a file is replaced atomically: a temp file in the same folder, flushed to disk, renamed over the old one;
 *     the old one kept as {@code .bak} on request; a symbolic link stays a link and its target is replaced;
 * <li>anything that is not a regular file (a FIFO, a device) is refused, unopened;
 * <li>an append ({@link #append}) is one write of a whole line under a lock waited for a bounded time;
 * <li>a removal ({@link #remove}) removes the name itself, never what a link points to.
 * </ul>
 */
final class SafeFile {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SafeFile() { }

    /**
     * Replaces {@code file} with {@code text} atomically, keeping the previous content as {@code <name>.bak}.
     * A symbolic link stays a link: the file it points to is the one replaced, in its own folder (a dotfiles
     * set-up must not fork). Anything that is not a regular file (a device, a FIFO) is refused, unread.
     */
    static void write(Path file, String text, boolean keepBackup) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8), keepBackup);
    }

    /** {@link #write(Path, String, boolean)} of bytes as they are. */
    static void write(Path file, byte[] content, boolean keepBackup) throws IOException { replace(file, content,
            keepBackup, "rw-------"); }

    /** An installed command: replaced atomically like any file, but 0755 (anyone may run it; only we may change it). */
    static void writeCommand(Path file, String text) throws IOException { replace(file,
            text.getBytes(StandardCharsets.UTF_8), false, "rwxr-xr-x"); }

    private static void replace(Path file, byte[] content, boolean keepBackup, String permissions) throws IOException {
        Path target = target(file);
        if (Files.exists(target) && !Files.isRegularFile(target)) throw new IOException(target
                + " is not a regular file");
        Path folder = target.toAbsolutePath().getParent();
        createFolder(folder);
        removeLeftovers(folder, target.getFileName().toString());
        Path temp = createTemp(folder, target.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) channel.write(bytes);
                channel.force(true);
            }
            if (POSIX) Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
            if (keepBackup && Files.exists(target)) backUp(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
            IN_FLIGHT.remove(temp);
        }
    }

    /**
     * The file a path stands for: itself, or where its symbolic links lead (a link to nothing yet: where it would be).
     */
    static Path target(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) throw new IOException(file + ": too many levels of symbolic links");
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    /**
     * The previous content as {@code <name>.bak}, written beside it first and renamed over the old backup: on a
     * full disk the copy fails and the old backup stays (copying over it would have lost it first).
     */
    private static void backUp(Path file) throws IOException {
        Path backup = file.resolveSibling(file.getFileName() + ".bak");
        Path temp = createTemp(file.toAbsolutePath().getParent(), file.getFileName() + ".bak");
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            restrict(temp);
            rotateBackups(file);
            Files.move(temp, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
            IN_FLIGHT.remove(temp);
        }
    }

    /** How many backups OpenClaw keeps of its config: {@code .bak}, then {@code .bak.1} to {@code .bak.4}. */
    static final int BACKUPS = 5;

    /**
     * OpenClaw's backup ring (2026.9.6, its backup-rotation): the oldest, {@code .bak.4}, goes; each other moves one
     * place up ({@code .bak.3} to {@code .bak.4}, ..., {@code .bak} to {@code .bak.1}), and the new one becomes
     * {@code .bak}. A link or anything but a regular file in the ring is left where it is, and stops its move.
     */
    private static void rotateBackups(Path file) throws IOException {
        String base = file.getFileName() + ".bak";
        Path oldest = file.resolveSibling(base + "." + (BACKUPS - 1));
        if (Files.isRegularFile(oldest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.delete(oldest);
        for (int i = BACKUPS - 2; i >= 0; i--) {
            Path from = file.resolveSibling(i == 0 ? base : base + "." + i), to = file.resolveSibling(base + "." + (i
                    + 1));
            if (!Files.isRegularFile(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || attributesOrNull(to) != null) continue;
            restrict(from);
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Temp copies being written now: a shutdown hook removes them if the JVM is stopped (Ctrl-C, SIGTERM) meanwhile.
     */
    private static final java.util.Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static Thread cleanup;

    private static Path inFlight(Path temp) {
        IN_FLIGHT.add(temp);
        synchronized (IN_FLIGHT) {
            if (cleanup == null) {
                cleanup = new Thread(new Runnable() {
                    @Override
                    public void run() {
                        for (Path p : IN_FLIGHT) {
                            try {
                                Files.deleteIfExists(p);
                            } catch (IOException gone) {
                                // nothing more to do as the JVM ends
                            }
                        }
                    }
                }, "temp-cleanup");
                Runtime.getRuntime().addShutdownHook(cleanup);
            }
        }
        return temp;
    }

    /**
     * Removes the temp copies of {@code file} that an edit killed outright ({@code kill -9}) left, once their
     * process is gone: called when a config is read, so none waits for our next write.
     */
    static void tidy(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && Files.isDirectory(folder)) removeLeftovers(folder, file.getFileName().toString());
    }

    /** Our temp copies of {@code name} that a killed edit left: removed when the process that made them is gone. */
    private static void removeLeftovers(Path folder, String name) {
        // Names compared by hand, not by a glob: this runs on every read of a config, and a glob compiles a regex.
        String prefix = "." + name + ".";
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path temp : entries) {
                String file = temp.getFileName().toString();
                if (!file.startsWith(prefix) || !file.endsWith(".tmp")) continue;
                String[] parts = file.substring(prefix.length()).split("\\.");
                if (parts.length != 3) continue;   // .<name>.<pid>.<n>.tmp, and nothing else
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (pid != ProcessHandle.current().pid()
                            && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        Files.deleteIfExists(temp);
                    }
                } catch (NumberFormatException | IOException notOurs) {
                    // someone else's file, or already gone
                }
            }
        } catch (IOException e) {
            // tidying is a courtesy
        }
    }

    /**
     * A new, empty, owner-only {@code .<name>.<pid>.<n>.tmp} in {@code folder}. Not
     * {@code Files.createTempFile}: its random names cost a SecureRandom set-up on every start-up, and
     * a name need only be unique, which the process id and {@code CREATE_NEW} make it.
     */
    private static Path createTemp(Path folder, String name) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (int n = 0; ; n++) {
            Path temp = folder.resolve("." + name + "." + pid + "." + n + ".tmp");
            try {
                return inFlight(POSIX
                        ? Files.createFile(temp,
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : Files.createFile(temp));
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (n == 1000) throw taken;   // a folder full of leftovers: say so rather than loop
            }
        }
    }

    /**
     * Makes {@code folder} and any missing folder above it, each 0700 (the state folder, its cache, an install
     * folder); one that exists is left as it is, unless it is not a folder.
     */
    static void createFolder(Path folder) throws IOException {
        if (folder == null || Files.isDirectory(folder)) return;
        if (Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new IOException(folder
                + " is not a folder");
        createFolder(folder.getParent());
        try {
            createFolderExclusively(folder);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // made meanwhile by another process: theirs stands
        }
    }

    private static void restrict(Path file) throws IOException {
        if (POSIX) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** The lock of an append is waited for this long at most (another chat writing its line takes milliseconds). */
    static final java.time.Duration APPEND_WAIT = java.time.Duration.ofSeconds(2);

    /**
     * Appends {@code line} (a whole line, its newline included) to {@code file} in one write, under an OS lock
     * waited for {@link #APPEND_WAIT} at most; false, with nothing written, when the lock could not be had. A
     * file that does not end with a newline (cut by a crash or a full disk) gets one first, so that the line
     * stands alone. The folder is made 0700, the file 0600; a link or anything but a regular file is refused.
     */
    static boolean append(Path file, byte[] line) throws IOException {
        createFolder(file.toAbsolutePath().getParent());
        java.nio.file.attribute.BasicFileAttributes attributes = attributesOrNull(file);
        if (attributes != null && !attributes.isRegularFile()) throw new IOException(file + " is not a regular file");
        try (FileChannel out = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.READ,
                java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
            if (attributes == null) restrict(file);
            java.nio.channels.FileLock lock = null;
            long deadline = System.nanoTime() + APPEND_WAIT.toNanos();
            while ((lock = tryLock(out)) == null) {
                if (System.nanoTime() > deadline) return false;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            try (java.nio.channels.FileLock held = lock) {
                long size = out.size();
                ByteBuffer last = ByteBuffer.allocate(1);
                boolean cut = size > 0 && out.read(last, size - 1) == 1 && last.get(0) != '\n';
                byte[] bytes = cut ? concat(new byte[] {'\n'}, line) : line;
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                long at = size;
                while (buffer.hasRemaining()) at += out.write(buffer, at);
            }
            return true;
        }
    }

    /**
     * Cuts off what follows the last newline of {@code file} (a line a full disk or a power cut left without its
     * end), under the same OS lock as {@link #append}, so that a reader of whole lines never takes half of one;
     * false, with nothing cut, when the lock could not be had. A missing file is left missing.
     */
    static boolean cutTornTail(Path file) throws IOException {
        java.nio.file.attribute.BasicFileAttributes attributes = attributesOrNull(file);
        if (attributes == null) return true;
        if (!attributes.isRegularFile()) throw new IOException(file + " is not a regular file");
        try (FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.WRITE,
                StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                java.nio.channels.FileLock lock = tryLock(channel)) {
            if (lock == null) return false;
            long end = channel.size();
            long keep = end;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') break;
                keep--;
            }
            if (keep < end) channel.truncate(keep);
            return true;
        }
    }

    /** The channel's OS lock, or null while another holds it (another process, or another thread of ours). */
    private static java.nio.channels.FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException ours) {
            return null;
        }
    }

    /**
     * A new file, made exclusively ({@code CREATE_NEW}: it must not exist, and a link there is not followed) and
     * 0600 whatever the umask, holding {@code content}: OpenClaw's lock sidecar.
     */
    static void createNew(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            restrict(file);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) channel.write(buffer);
        }
    }

    /**
     * Makes {@code folder} (0700), failing with FileAlreadyExistsException when it exists: a mutex between processes.
     */
    static void createFolderExclusively(Path folder) throws IOException {
        if (POSIX) Files.createDirectory(folder,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        else Files.createDirectory(folder);
        // The umask may have taken bits away from the attribute; it cannot have added any: set, not trusted.
        if (POSIX) Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    /** Whether a process holds an OS lock on the regular file {@code file} (true when that cannot be told). */
    static boolean osLocked(Path file) {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return true;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
             java.nio.channels.FileLock os = channel.tryLock()) {
            return os == null;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }

    /** Removes {@code file}, a file or a link (the link itself, never where it points); false when there was none. */
    static boolean remove(Path file) throws IOException { return Files.deleteIfExists(file); }

    /** Removes {@code folder} when it is an empty folder (not a link to one); true if it did. */
    static boolean removeIfEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            if (entries.iterator().hasNext()) return false;
        }
        Files.delete(folder);
        return true;
    }

    /**
     * Makes a new 0700 folder inside {@code parent} for work files (a compile's classes), named after {@code prefix}.
     */
    static Path workFolder(Path parent, String prefix) throws IOException {
        createFolder(parent);
        for (int n = 0; ; n++) {
            Path folder = parent.resolve(prefix + "." + ProcessHandle.current().pid() + "." + n);
            try {
                createFolderExclusively(folder);
                return folder;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (n == 1000) throw taken;
            }
        }
    }

    /** Removes {@code folder} and the files in it (one level: a work folder of ours). */
    static void removeWorkFolder(Path folder) throws IOException {
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) Files.deleteIfExists(file);
        }
        Files.deleteIfExists(folder);
    }

    /** {@code file}'s own attributes (a link's, not its target's), or null when there is none. */
    static java.nio.file.attribute.BasicFileAttributes attributesOrNull(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException none) {
            return null;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
