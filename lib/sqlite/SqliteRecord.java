import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * A row as SQLite stores it ("Database File Format", 2.1 Record Format): a header of varints (its own
 * size, then one serial type per column), then the values. Values come back as null, Long, Double,
 * String (in the database's text encoding) or byte[].
 */
final class SqliteRecord {
    private SqliteRecord() { }

    static List<Object> decode(byte[] record, Charset text) throws SqliteException {
        long[] read = new long[2];
        varint(record, 0, read);
        int headerSize = (int) read[0], at = (int) read[1];
        if (headerSize < at || headerSize > record.length) throw new SqliteException("a record header runs past its "
                + "record");
        List<Long> types = new ArrayList<>();
        while (at < headerSize) {
            varint(record, at, read);
            types.add(read[0]);
            at = (int) read[1];
        }
        List<Object> values = new ArrayList<>(types.size());
        int body = headerSize;
        for (long type : types) {
            int size = size(type);
            if (size < 0 || body
                    + size > record.length) throw new SqliteException("a record's values run past its end");
            values.add(value(type, record, body, size, text));
            body += size;
        }
        return values;
    }

    /** How many bytes a value of this serial type takes; -1 for the reserved types 10 and 11. */
    private static int size(long type) {
        if (type >= 12) return (int) Math.min(Integer.MAX_VALUE, (type - (type % 2 == 0 ? 12 : 13)) / 2);
        return switch ((int) type) {
            case 0, 8, 9 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> -1;
        };
    }

    private static Object value(long type, byte[] b, int at, int size, Charset text) {
        if (type == 0) return null;
        if (type == 8) return 0L;
        if (type == 9) return 1L;
        if (type == 7) return Double.longBitsToDouble(integer(b, at, 8));
        if (type < 7) return integer(b, at, size);
        if (type % 2 == 1) return new String(b, at, size, text);
        byte[] blob = new byte[size];
        System.arraycopy(b, at, blob, 0, size);
        return blob;
    }

    /** A big-endian two's-complement integer of {@code size} bytes. */
    private static long integer(byte[] b, int at, int size) {
        long v = b[at];   // sign from the first byte
        for (int i = 1; i < size; i++) v = (v << 8) | (b[at + i] & 0xff);
        return v;
    }

    /**
     * Reads the varint at {@code at} (1 to 9 bytes, 7 bits each, big-endian; all 8 bits of a ninth)
     * into {@code out}: its value, then the position after it.
     */
    static void varint(byte[] b, int at, long[] out) throws SqliteException {
        long v = 0;
        for (int i = 0; i < 9; i++) {
            if (at + i >= b.length) throw new SqliteException("a varint runs past its page");
            int c = b[at + i] & 0xff;
            if (i == 8) {
                v = (v << 8) | c;
                out[0] = v;
                out[1] = at + 9;
                return;
            }
            v = (v << 7) | (c & 0x7f);
            if (c < 0x80) {
                out[0] = v;
                out[1] = at + i + 1;
                return;
            }
        }
    }
}
