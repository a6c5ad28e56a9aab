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

    /** Replaces {@code file} with {@code text} atomically, keeping the previous content as {@code <name>.bak}. */
    static void write(Path file, String text, boolean keepBackup) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        createFolder(folder);
        Path temp = createTemp(folder, file.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) channel.write(bytes);
                channel.force(true);
            }
            if (keepBackup && Files.exists(file)) {
                Path backup = file.resolveSibling(file.getFileName() + ".bak");
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
                restrict(backup);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
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

    static String readOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
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
