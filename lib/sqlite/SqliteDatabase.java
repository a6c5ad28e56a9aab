import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A read-only reader of SQLite 3 database files, after sqlite.org's "Database File Format": the 100-byte
 * header, table B-trees (interior and leaf pages), records, overflow pages, and the write-ahead log's
 * committed frames ({@link SqliteWal}), which stand in for the pages they hold. Enough to read a rowid
 * table whole: the schema table names each table's root page.
 * <p>
 * It opens the files for reading only, takes no lock, and writes nothing (not even the {@code -shm}
 * index a SQLite connection would make), so it cannot disturb the program that owns the database. What
 * it reads is the last committed state; a database changed while it reads may look damaged, which the
 * caller reports as a warning.
 */
final class SqliteDatabase implements AutoCloseable {
    /** One row of a table: its rowid and its columns in table order (an INTEGER PRIMARY KEY column is null here). */
    record Row(long rowid, List<Object> values) { }

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int LEAF_TABLE = 0x0d, INTERIOR_TABLE = 0x05;

    private final Path file;
    private final FileChannel db;
    private final SqliteWal wal;
    private final FileChannel log;
    private final int pageSize;
    private final int usable;
    private final int pageCount;
    private final Charset text;

    private SqliteDatabase(Path file, FileChannel db, SqliteWal wal, FileChannel log, int pageSize, int usable,
            int pageCount, Charset text) {
        this.file = file;
        this.db = db;
        this.wal = wal;
        this.log = log;
        this.pageSize = pageSize;
        this.usable = usable;
        this.pageCount = pageCount;
        this.text = text;
    }

    /** Opens {@code file} (and its {@code -wal}, when there is one) for reading. */
    static SqliteDatabase open(Path file) throws IOException, SqliteException {
        FileChannel db = FileReads.channel(file);
        try {
            ByteBuffer header = ByteBuffer.allocate(100);
            if (db.read(header, 0) < 100 || !header.slice(0, 16).equals(ByteBuffer.wrap(MAGIC))) {
                throw new SqliteException(file + ": not a SQLite 3 database");
            }
            int pageSize = header.getShort(16) & 0xffff;
            if (pageSize == 1) pageSize = 65536;
            if (pageSize < 512 || Integer.bitCount(pageSize) != 1) throw new SqliteException(file + ": bad page size "
                    + pageSize);
            int usable = pageSize - (header.get(20) & 0xff);
            Charset text = switch (header.getInt(56)) {
                case 2 -> StandardCharsets.UTF_16LE;
                case 3 -> StandardCharsets.UTF_16BE;
                default -> StandardCharsets.UTF_8;
            };
            Path walFile = file.resolveSibling(file.getFileName() + "-wal");
            SqliteWal wal = SqliteWal.read(walFile, pageSize);
            // The header's page count holds only when it was written by the same change as the
            // version-valid-for number; otherwise the file's length says it. A commit in the log says it last.
            long inHeader = header.getInt(28) & 0xffffffffL;
            long pages = inHeader > 0 && header.getInt(24) == header.getInt(92) ? inHeader : db.size() / pageSize;
            if (wal.databasePages > 0) pages = wal.databasePages;
            FileChannel log = wal.pages.isEmpty() ? null : FileReads.channel(walFile);
            return new SqliteDatabase(file, db, wal, log, pageSize, usable, (int) Math.min(pages, Integer.MAX_VALUE),
                    text);
        } catch (IOException | SqliteException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Every row of the rowid table {@code name}, in rowid order; an empty list when there is no such table. */
    List<Row> rows(String name) throws IOException, SqliteException {
        for (Row entry : table(1)) {
            List<Object> v = entry.values();
            // sqlite_schema: type, name, tbl_name, rootpage, sql
            if (v.size() >= 4 && "table".equals(v.get(0)) && name.equals(v.get(1)) && v.get(3) instanceof Long root) {
                if (root < 1 || root > pageCount) throw new SqliteException(file + ": table " + name + " has root page "
                        + root + " of " + pageCount);
                return table(root.intValue());
            }
        }
        return List.of();
    }

    /** The rows of the table B-tree rooted at {@code root}, walked depth first, each page once. */
    private List<Row> table(int root) throws IOException, SqliteException {
        List<Row> rows = new ArrayList<>();
        BitSet visited = new BitSet();
        List<Integer> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            int number = todo.remove(todo.size() - 1);
            if (visited.get(number)) throw new SqliteException(where(number) + "visited twice: the tree has a loop");
            visited.set(number);
            byte[] page = page(number);
            int at = number == 1 ? 100 : 0;
            int type = page[at] & 0xff, cells = u16(page, at + 3);
            int header = type == INTERIOR_TABLE ? 12 : 8;
            if (type != LEAF_TABLE && type != INTERIOR_TABLE) throw new SqliteException(where(number)
                    + "is not a table B-tree page (type " + type + ")");
            if (at + header + 2 * cells > usable) throw new SqliteException(where(number) + "has more cells than fit");
            List<Integer> children = new ArrayList<>();
            for (int i = 0; i < cells; i++) {
                int cell = u16(page, at + header + 2 * i);
                if (cell < at + header || cell >= usable) throw new SqliteException(where(number) + "cell " + i
                        + " points outside the page");
                if (type == INTERIOR_TABLE) children.add(child(page, cell, number));
                else rows.add(leafCell(page, cell, number));
            }
            if (type == INTERIOR_TABLE) children.add(child(page, at + 8, number));
            // Pushed last to first, so that pages are taken in key order and rows come out sorted by rowid.
            for (int i = children.size() - 1; i >= 0; i--) todo.add(children.get(i));
        }
        return rows;
    }

    private int child(byte[] page, int at, int number) throws SqliteException {
        int child = page.length >= at + 4 ? ByteBuffer.wrap(page, at, 4).getInt() : 0;
        if (child < 1 || child > pageCount) throw new SqliteException(where(number) + "points to page " + child + " of "
                + pageCount);
        return child;
    }

    /** A leaf cell: payload size, rowid, the payload's local part, then (if it spills) its overflow chain. */
    private Row leafCell(byte[] page, int cell, int number) throws IOException, SqliteException {
        long[] read = new long[2];
        SqliteRecord.varint(page, cell, read);
        long size = read[0];
        SqliteRecord.varint(page, (int) read[1], read);
        long rowid = read[0];
        int start = (int) read[1];
        if (size > 64L * 1024 * 1024) throw new SqliteException(where(number) + "holds a row of " + size + " bytes");
        byte[] payload = new byte[(int) size];
        int local = localSize((int) size);
        if (start + local > usable) throw new SqliteException(where(number) + "a cell runs past the page");
        System.arraycopy(page, start, payload, 0, local);
        if (local < size) overflow(payload, local, ByteBuffer.wrap(page, start + local, 4).getInt(), number);
        return new Row(rowid, SqliteRecord.decode(payload, text));
    }

    /** How much of a payload of {@code size} bytes a table leaf page keeps itself (the rest overflows). */
    private int localSize(int size) {
        int max = usable - 35;
        if (size <= max) return size;
        int min = (usable - 12) * 32 / 255 - 23;
        int local = min + (size - min) % (usable - 4);
        return local <= max ? local : min;
    }

    /** Fills the rest of {@code payload} from the overflow chain starting at {@code next}. */
    private void overflow(byte[] payload, int filled, int next, int from) throws IOException, SqliteException {
        BitSet visited = new BitSet();
        while (filled < payload.length) {
            if (next < 1 || next > pageCount || visited.get(next)) throw new SqliteException(where(from)
                    + "has a broken overflow chain at page " + next);
            visited.set(next);
            byte[] page = page(next);
            int n = Math.min(usable - 4, payload.length - filled);
            System.arraycopy(page, 4, payload, filled, n);
            filled += n;
            next = ByteBuffer.wrap(page, 0, 4).getInt();
        }
    }

    /**
     * Page {@code number} (1-based) as it is after the last commit: from the log when it holds it, else from the file.
     */
    private byte[] page(int number) throws IOException, SqliteException {
        if (number < 1 || number > pageCount) throw new SqliteException(file + ": no page " + number
                + " (the database has " + pageCount + ")");
        Long inLog = wal.pages.get(number);
        FileChannel from = inLog != null ? log : db;
        long at = inLog != null ? inLog : (long) (number - 1) * pageSize;
        ByteBuffer page = ByteBuffer.allocate(pageSize);
        while (page.hasRemaining()) {
            if (from.read(page, at + page.position()) < 0) throw new SqliteException(where(number)
                    + "is cut short: the file ends inside it");
        }
        return page.array();
    }

    private String where(int page) { return file + ": page " + page + " "; }

    private static int u16(byte[] b, int at) { return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff); }

    @Override
    public void close() throws IOException {
        try {
            db.close();
        } finally {
            if (log != null) log.close();
        }
    }
}
