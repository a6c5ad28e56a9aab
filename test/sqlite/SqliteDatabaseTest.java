import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite reader against databases SQLite itself made (test/fixtures/sqlite/make.py, Python's sqlite3):
 * every row as SQLite reads it, in rollback and WAL mode, with uncommitted frames, overflow pages and a
 * three-level tree; then damaged files, which fail cleanly.
 */
class SqliteDatabaseTest {
    static final Path FIXTURES = Repo.root().resolve("test/fixtures/sqlite");

    @TempDir Path tmp;

    @Test void rollbackJournalDatabase() throws Exception { assertReadAsSqliteReadsIt("rollback.sqlite"); }

    @Test void walDatabaseShowsTheLastCommitAndNothingUncommitted() throws Exception {
        assertReadAsSqliteReadsIt("wal.sqlite");
        List<String> rows = dump(FIXTURES.resolve("wal.sqlite"), "t");
        assertTrue(rows.contains("int 401 | int 401 | text(5) state | text(9) version 2"),
                "the update committed in the log");
        assertTrue(rows.stream().noneMatch(r -> r.contains("uncommitted") || r.contains("version 3")),
                "frames of a transaction that never committed");
    }

    @Test void openClawsTableInItsWal() throws Exception { assertReadAsSqliteReadsIt("openclaw.sqlite"); }

    @Test void theRealOpenClawDatabaseWhenSharedIsBeside() throws Exception {
        Path real = Repo.root().resolve("../shared/fixtures/openclaw-2026.9.6/state/openclaw.sqlite");
        Assumptions.assumeTrue(Files.exists(real), "../shared is not beside the checkout");
        List<String> rows = dump(real, "config_machine_state");
        assertEquals(4, rows.size());
        assertTrue(rows.get(1).startsWith("int 2 | text(18) authProfiles.store | text(131) {\"version\":1,\"profil..."),
                rows.get(1));
        assertTrue(rows.get(3).startsWith("int 4 | text(22) plugins.installedIndex | text(83891) "),
                "a value on overflow pages: " + rows.get(3));
    }

    @Test void aLogWhoseFrameIsDamagedEndsBeforeThatFrame() throws Exception {
        Path db = copy("wal.sqlite");
        Path wal = db.resolveSibling("wal.sqlite-wal");
        byte[] log = Files.readAllBytes(wal);
        log[32 + 24 + 100] ^= 1;   // the first frame's page: its checksum no longer holds, so no frame counts
        Files.write(wal, log);
        List<String> rows = dump(db, "t");
        assertEquals(401, rows.size(), "version 1, as checkpointed into the file");
        assertTrue(rows.contains("int 401 | int 401 | text(5) state | text(9) version 1"));
    }

    @Test void aLogWithAnotherPageSizeOrNoHeaderIsIgnored() throws Exception {
        Path db = copy("wal.sqlite");
        Files.write(db.resolveSibling("wal.sqlite-wal"), new byte[10]);
        assertEquals(401, dump(db, "t").size());
    }

    @Test void aMissingTableHasNoRows() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(FIXTURES.resolve("rollback.sqlite"))) {
            assertEquals(List.of(), db.rows("no_such_table"));
        }
    }

    @Test void notADatabase() throws IOException {
        Path file = tmp.resolve("x.sqlite");
        Files.writeString(file, "{\"not\": \"sqlite\"}".repeat(10));
        assertEquals(file + ": not a SQLite 3 database", assertThrows(SqliteException.class,
                () -> SqliteDatabase.open(file)).getMessage());
    }

    @Test void aFileCutShortFailsNamingThePage() throws Exception {
        Path db = copy("rollback.sqlite");
        byte[] bytes = Files.readAllBytes(db);
        Files.write(db, java.util.Arrays.copyOf(bytes, 1024 * 40 + 10));
        SqliteException e = assertThrows(SqliteException.class, () -> dump(db, "t"));
        assertTrue(e.getMessage().startsWith(db + ": "), e.getMessage());
    }

    /** Bytes flipped at random in a database: it reads, or fails with a SqliteException; never anything else. */
    @Test void damagedDatabasesFailCleanly() throws Exception {
        byte[] original = Files.readAllBytes(FIXTURES.resolve("rollback.sqlite"));
        Random random = new Random(7);
        Path db = tmp.resolve("damaged.sqlite");
        int failed = 0, cases = 300;
        for (int i = 0; i < cases; i++) {
            byte[] bytes = original.clone();
            for (int n = 0; n < 1
                    + random.nextInt(8); n++) bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            // Half the cases hit the pages of the tree's top, where damage matters most.
            if (i % 2 == 0) bytes[100 + random.nextInt(4000)] = (byte) random.nextInt(256);
            Files.write(db, bytes);
            try {
                dump(db, "t");
            } catch (SqliteException expected) {
                failed++;
            }
        }
        assertTrue(failed > 10 && failed < cases, failed + " of " + cases + " failed");
    }

    Path copy(String name) throws IOException {
        for (String suffix : List.of("", "-wal")) {
            Path from = FIXTURES.resolve(name + suffix);
            if (Files.exists(from)) Files.copy(from, tmp.resolve(name + suffix), StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp.resolve(name);
    }

    static void assertReadAsSqliteReadsIt(String name) throws Exception {
        List<String> expected = Files.readAllLines(FIXTURES.resolve(name + ".expected.txt"));
        String table = expected.get(0).substring("table ".length());
        List<String> actual = new ArrayList<>(List.of(expected.get(0)));
        actual.addAll(dump(FIXTURES.resolve(name), table));
        assertEquals(expected, actual);
    }

    /** The rows as make.py writes them: rowid, then each column (an INTEGER PRIMARY KEY column shows the rowid). */
    static List<String> dump(Path file, String table) throws IOException, SqliteException {
        List<String> lines = new ArrayList<>();
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            for (SqliteDatabase.Row row : db.rows(table)) {
                List<String> cells = new ArrayList<>(List.of("int " + row.rowid()));
                for (int i = 0; i < row.values().size(); i++) {
                    Object v = row.values().get(i);
                    cells.add(describe(i == 0 && v == null && table.equals("t") ? (Object) row.rowid() : v));
                }
                lines.add(String.join(" | ", cells));
            }
        }
        return lines;
    }

    static String describe(Object v) {
        if (v == null) return "NULL";
        if (v instanceof byte[] b) {
            long sum = 0;
            for (byte x : b) sum += x & 0xff;
            return "blob(" + b.length + ", sum " + sum + ")";
        }
        if (v instanceof Double d) return "real " + d;
        if (v instanceof Long n) return "int " + n;
        String s = (String) v;
        int n = s.codePointCount(0, s.length());
        return "text(" + n + ") " + (n <= 40 ? s : s.substring(0, 20) + "..." + s.substring(s.length() - 20));
    }
}
