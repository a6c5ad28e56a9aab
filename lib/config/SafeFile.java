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
import java.util.concurrent.Callable;

/**
 * The mechanics of writing a user's file without ever leaving it half-written: a temp file in the
 * same folder, flushed to disk, renamed over the old one; the old one kept as {@code .bak}; the file
 * 0600 and a new folder 0700; and OpenClaw's lock, so that two processes editing at once take turns.
 * {@link ConfigFile} and {@link DotEnv} are its only users.
 */
final class SafeFile {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SafeFile() { }

    /**
     * Runs {@code work} holding {@code file}'s lock, the {@code <name>.lock} sidecar that OpenClaw takes too
     * ({@link SidecarLock}): waits a while for another holder, then fails with {@link SidecarLock.Busy}.
     */
    static <T> T locked(Path file, Callable<T> work) throws Exception {
        createFolder(file.toAbsolutePath().getParent());
        try (SidecarLock lock = SidecarLock.acquire(file.toAbsolutePath(), SidecarLock.waitLimit())) {
            return work.call();
        }
    }

    /**
     * Replaces {@code file} with {@code text} atomically, keeping the previous content as {@code <name>.bak}.
     * A symbolic link stays a link: the file it points to is the one replaced, in its own folder (a dotfiles
     * set-up must not fork). Anything that is not a regular file (a device, a FIFO) is refused, unread.
     */
    static void write(Path file, String text, boolean keepBackup) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8), keepBackup);
    }

    /** {@link #write(Path, String, boolean)} of bytes as they are. */
    static void write(Path file, byte[] content, boolean keepBackup) throws IOException {
        Path target = target(file);
        if (Files.exists(target) && !Files.isRegularFile(target)) throw new IOException(target + " is not a regular file");
        Path folder = target.toAbsolutePath().getParent();
        createFolder(folder);
        removeLeftovers(folder, target.getFileName().toString());
        Path temp = createTemp(folder, target.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) channel.write(bytes);
                channel.force(true);
            }
            if (keepBackup && Files.exists(target)) backUp(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file a path stands for: itself, or where its symbolic links lead (a link to nothing yet: where it would be). */
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
            Files.move(temp, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Our temp copies of {@code name} that a killed edit left: removed when the process that made them is gone. */
    private static void removeLeftovers(Path folder, String name) {
        try (java.nio.file.DirectoryStream<Path> temps = Files.newDirectoryStream(folder, "." + name + ".*.tmp")) {
            for (Path temp : temps) {
                String[] parts = temp.getFileName().toString().substring(name.length() + 2).split("\\.");
                if (parts.length != 3) continue;   // .<name>.<pid>.<n>.tmp, and nothing else
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (pid != ProcessHandle.current().pid() && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) Files.deleteIfExists(temp);
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
                return POSIX
                        ? Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : Files.createFile(temp);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (n == 1000) throw taken;   // a folder full of leftovers: say so rather than loop
            }
        }
    }

    /**
     * The file's text, "" when there is none. Refuses, unread, anything but a regular file (a FIFO would
     * hang us, a device is no config); text that is not UTF-8 fails naming the line and column.
     */
    static String readOrEmpty(Path file) throws IOException {
        if (!Files.exists(file)) return "";
        if (!Files.isRegularFile(file)) throw new IOException("not a regular file: a device, a FIFO or a folder");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);   // strict, and the JDK's fastest way
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new NotUtf8(Files.readAllBytes(file));
        }
    }

    /** Bytes that are not UTF-8: where the first bad one is, as line:column. */
    static final class NotUtf8 extends IOException {
        final int line, column;
        final int value;

        NotUtf8(byte[] bytes) {
            super("not UTF-8");
            java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
            ByteBuffer in = ByteBuffer.wrap(bytes);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
            decoder.decode(in, out, true);
            out.flip();
            TextPosition at = TextPosition.of(out.toString(), out.length());
            this.line = at.line();
            this.column = at.column();
            this.value = in.hasRemaining() ? bytes[in.position()] & 0xff : 0;
        }

        @Override
        public String getMessage() { return String.format("%d:%d: not UTF-8 (byte 0x%02X)", line, column, value); }
    }

    /** Makes {@code folder} and any missing folder above it, each 0700 (the state folder, its cache). */
    private static void createFolder(Path folder) throws IOException {
        if (folder == null || Files.isDirectory(folder)) return;
        createFolder(folder.getParent());
        try {
            if (POSIX) Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            else Files.createDirectory(folder);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return;   // made meanwhile by another process: theirs stands
        }
        // The umask may have taken bits away from the attribute; it cannot have added any.
        if (POSIX) Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    private static void restrict(Path file) throws IOException {
        if (POSIX) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
