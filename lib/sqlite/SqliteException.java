/**
 * A file that is not the SQLite 3 database this reader expects, or one damaged past reading: the message
 * names the file and, where it can, the page. Callers treat it as a warning: the database is OpenClaw's,
 * and reading it is a courtesy, never a reason to stop.
 */
final class SqliteException extends Exception {
    SqliteException(String message) { super(message); }
}
