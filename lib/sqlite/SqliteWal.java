import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The committed content of a SQLite write-ahead log ({@code <db>-wal}), per sqlite.org's "Database File
 * Format", section 4: a 32-byte header (magic, version, page size, checkpoint sequence, two salts, a
 * checksum), then frames of a 24-byte header (page number, database size in pages for a commit frame,
 * the salts, a checksum) and one page. A frame counts only when its salts are the header's and its
 * checksum, which runs on from the one before, is right; and only frames up to the last commit frame
 * among those are committed. A reader sees, for each page, the last committed frame that holds it.
 */
final class SqliteWal {
    private static final int HEADER = 32, FRAME_HEADER = 24;

    /** Page number -> where its newest committed copy starts in the log. */
    final Map<Integer, Long> pages;
    /** The database size in pages after the last commit; 0 when nothing is committed. */
    final int databasePages;

    private SqliteWal(Map<Integer, Long> pages, int databasePages) {
        this.pages = pages;
        this.databasePages = databasePages;
    }

    /** An empty log: no file, an empty file, or a header that does not check out (as SQLite ignores it). */
    static final SqliteWal NONE = new SqliteWal(Map.of(), 0);

    static SqliteWal read(Path file, int pageSize) throws IOException {
        try (FileChannel log = FileReads.channel(file)) {
            return read(log, pageSize);
        } catch (NoSuchFileException none) {
            return NONE;
        }
    }

    private static SqliteWal read(FileChannel log, int pageSize) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        if (log.read(header, 0) < HEADER) return NONE;
        int magic = header.getInt(0);
        if (magic != 0x377f0682 && magic != 0x377f0683) return NONE;
        boolean bigEndian = (magic & 1) == 1;
        if (header.getInt(8) != pageSize) return NONE;
        int[] sum = checksum(bigEndian, header.array(), 0, 24, 0, 0);
        if (sum[0] != header.getInt(24) || sum[1] != header.getInt(28)) return NONE;
        int salt1 = header.getInt(16), salt2 = header.getInt(20);
        Map<Integer, Long> seen = new HashMap<>(), committed = new HashMap<>();
        int databasePages = 0;
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + pageSize);
        for (long at = HEADER; at + FRAME_HEADER + pageSize <= log.size(); at += FRAME_HEADER + pageSize) {
            frame.clear();
            while (frame.hasRemaining() && log.read(frame, at + frame.position()) > 0) { }
            if (frame.hasRemaining()) break;
            if (frame.getInt(8) != salt1 || frame.getInt(12) != salt2) break;
            sum = checksum(bigEndian, frame.array(), 0, 8, sum[0], sum[1]);
            sum = checksum(bigEndian, frame.array(), FRAME_HEADER, pageSize, sum[0], sum[1]);
            if (sum[0] != frame.getInt(16) || sum[1] != frame.getInt(20)) break;
            int page = frame.getInt(0);
            if (page < 1) break;
            seen.put(page, at + FRAME_HEADER);
            int commitSize = frame.getInt(4);
            if (commitSize != 0) {
                committed.putAll(seen);
                seen.clear();
                databasePages = commitSize;
            }
        }
        return new SqliteWal(committed, databasePages);
    }

    /** SQLite's WAL checksum over {@code length} bytes (a multiple of 8), continuing from {@code s0, s1}. */
    static int[] checksum(boolean bigEndian, byte[] data, int offset, int length, int s0, int s1) {
        ByteBuffer words = ByteBuffer.wrap(data, offset, length).order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN
                : java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = offset; i < offset + length; i += 8) {
            s0 += words.getInt(i) + s1;
            s1 += words.getInt(i + 4) + s0;
        }
        return new int[] {s0, s1};
    }
}
