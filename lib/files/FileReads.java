import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Predicate;

/**
 * The file layer's reading half (writes: {@link SafeFile}); every file this toolkit reads is read here, so that
 * every read is bounded and none can hang: only a regular file is opened (a FIFO would block the open, a device
 * never ends), and at most a stated number of bytes is read, however the file grows meanwhile.
 */
final class FileReads {
    /** The most a config, a .env file, a cache or a key file may hold: far above any real one. */
    static final long MAX_SMALL_FILE = 16L * 1024 * 1024;

    private FileReads() { }

    /** A file that is larger than a read allows: nothing of it is used. */
    static final class TooLarge extends IOException {
        TooLarge(long max) { super("larger than " + size(max) + ", more than this reads"); }
    }

    /** {@code 16 MB}, {@code 4 KB}. */
    static String size(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes >= 1024 ? bytes / 1024 + " KB" : bytes
                + " bytes";
    }

    /** Whether there is anything at {@code file} (a dangling link counts). */
    static boolean exists(Path file) { return SafeFile.attributesOrNull(file) != null; }

    /**
     * Refuses, unopened, what is there and is not a regular file (a FIFO would block the open; a device never ends).
     */
    private static void requireRegular(Path file) throws IOException {
        if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) throw new NotRegular();
    }

    /** A device, a FIFO or a folder where a file was to be read: refused unopened. */
    static final class NotRegular extends IOException {
        NotRegular() { super("not a regular file: a device, a FIFO or a folder"); }
    }

    /** The bytes of {@code file}, a regular file of at most {@code max} bytes. */
    static byte[] bytes(Path file, long max) throws IOException {
        requireRegular(file);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size > max) throw new TooLarge(max);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(max + 1, Math.max(size + 1, 8192)));
            while (true) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() > max) throw new TooLarge(max);   // it grew while we read
                    buffer = ByteBuffer.allocate((int) Math.min(max + 1,
                            (long) buffer.capacity() * 2)).put(buffer.flip());
                }
                if (in.read(buffer) < 0) break;
            }
            if (buffer.position() > max) throw new TooLarge(max);
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /**
     * The text of {@code file}, strict UTF-8 (else {@link NotUtf8}, naming the line and column), at most {@code max}
     * bytes.
     */
    static String text(Path file, long max) throws IOException {
        byte[] bytes = bytes(file, max);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8(bytes);
        }
    }

    /**
     * The text of a secret file read as OpenClaw reads one ({@code secrets.providers.*.path}): refused unless it is
     * a regular file that is not a link, has one name (a hard link would let another path change it), belongs to
     * this user and gives the group and others no access at all; at most {@code max} bytes.
     */
    static String privateText(Path file, long max) throws IOException {
        java.nio.file.attribute.PosixFileAttributes a;
        try {
            a = Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new IOException("its permissions cannot be checked on this system");
        }
        if (a.isSymbolicLink()) throw new IOException("a link; OpenClaw refuses a secret file behind a link");
        if (!a.isRegularFile()) throw new NotRegular();
        Object links = Files.getAttribute(file, "unix:nlink", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (links instanceof Integer n && n > 1) throw new IOException("hard-linked (" + n
                + " names); OpenClaw refuses it");
        String me = ProcessHandle.current().info().user().orElse(System.getProperty("user.name"));
        if (!a.owner().getName().equals(me)) {
            throw new IOException("owned by " + a.owner().getName() + ", not by you; OpenClaw refuses it");
        }
        for (java.nio.file.attribute.PosixFilePermission p : a.permissions()) {
            if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                throw new IOException("open to others ("
                        + java.nio.file.attribute.PosixFilePermissions.toString(a.permissions())
                                + "); OpenClaw refuses it: chmod 600");
            }
        }
        return text(file, max);
    }

    /** The text of a small file ({@link #MAX_SMALL_FILE}), "" when there is none. */
    static String textOrEmpty(Path file) throws IOException {
        if (!Files.exists(file)) return "";
        return text(file, MAX_SMALL_FILE);
    }

    /** The most entries {@link #list} reads of a folder. */
    static final int MAX_ENTRIES = 100_000;

    /** The entries of {@code folder} (a folder, not a link to one), sorted by name; at most {@link #MAX_ENTRIES}. */
    static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new NotRegular();
        List<Path> entries = new java.util.ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                if (entries.size() == MAX_ENTRIES) throw new IOException(folder + " holds more than " + MAX_ENTRIES
                        + " entries");
                entries.add(entry);
            }
        }
        java.util.Collections.sort(entries);
        return entries;
    }

    /**
     * A stream of {@code file}, a regular file, for a reader that bounds what it takes itself (a batch's input is
     * read a line at a time, each line bounded, the whole not: a million prompts cost what one does).
     */
    static java.io.InputStream stream(Path file) throws IOException {
        requireRegular(file);
        return Files.newInputStream(file);
    }

    /** A read-only channel on {@code file}, a regular file (the SQLite reader reads pages where it needs them). */
    static FileChannel channel(Path file) throws IOException {
        requireRegular(file);
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * The lines of {@code file}, last first, to {@code each} until it returns false: in constant memory however
     * large the file (a block at a time from the end). A line longer than {@code maxLine} bytes, or one that is
     * not UTF-8 (cut inside a character by a full disk), is skipped; a missing file has no lines.
     */
    static void linesFromEnd(Path file, int maxLine, Predicate<String> each) throws IOException { linesFromEnd(file,
            maxLine, List.of(), each); }

    /**
     * Bytes a line must hold to be decoded at all; {@code foldAsciiCase}: A-Z and a-z alike (the needle in lower case).
     */
    record Needle(byte[] bytes, boolean foldAsciiCase) { }

    /**
     * {@link #linesFromEnd}, only the lines whose bytes hold every one of {@code needles}, checked before any decoding.
     */
    static void linesFromEnd(Path file, int maxLine, List<Needle> needles, Predicate<String> each) throws IOException {
        if (!Files.exists(file)) return;
        requireRegular(file);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = in.size();
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            byte[] line = new byte[1024];
            int lineLength = 0;          // bytes of the current line gathered so far, stored from the end of 'line'
            boolean tooLong = false;
            for (long at = end; at > 0; ) {
                int n = (int) Math.min(block.capacity(), at);
                at -= n;
                block.clear().limit(n);
                while (block.hasRemaining()) if (in.read(block, at + block.position()) < 0) break;
                for (int i = n - 1; i >= 0; i--) {
                    byte b = block.get(i);
                    if (b == '\n') {
                        if (!emit(line, lineLength, tooLong, needles, strict, each)) return;
                        lineLength = 0;
                        tooLong = false;
                    } else if (!tooLong) {
                        if (lineLength == maxLine) {
                            tooLong = true;
                            continue;
                        }
                        if (lineLength == line.length) {
                            byte[] bigger = new byte[Math.min(maxLine, line.length * 2)];
                            System.arraycopy(line, 0, bigger, bigger.length - lineLength, lineLength);
                            line = bigger;
                        }
                        line[line.length - 1 - lineLength] = b;
                        lineLength++;
                    }
                }
            }
            emit(line, lineLength, tooLong, needles, strict, each);
        }
    }

    private static boolean emit(byte[] line, int length, boolean tooLong, List<Needle> needles, CharsetDecoder strict,
            Predicate<String> each) {
        if (length == 0 || tooLong) return true;
        for (Needle n : needles) if (!contains(line, line.length - length, line.length, n)) return true;
        String text;
        try {
            text = strict.reset().decode(ByteBuffer.wrap(line, line.length - length, length)).toString();
        } catch (CharacterCodingException cut) {
            return true;   // not whole UTF-8: a line cut short, skipped like any torn line
        }
        return each.test(text);
    }

    private static boolean contains(byte[] bytes, int from, int to, Needle needle) {
        byte[] wanted = needle.bytes();
        outer:
        for (int i = from; i + wanted.length <= to; i++) {
            for (int k = 0; k < wanted.length; k++) {
                byte b = bytes[i + k];
                if (needle.foldAsciiCase() && b >= 'A' && b <= 'Z') b += 'a' - 'A';
                if (b != wanted[k]) continue outer;
            }
            return true;
        }
        return wanted.length == 0;
    }

    /** Bytes that are not UTF-8: where the first bad one is, as line:column. */
    static final class NotUtf8 extends IOException {
        final int line, column;
        final int value;

        NotUtf8(byte[] bytes) {
            super("not UTF-8");
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length + 1);
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
}
