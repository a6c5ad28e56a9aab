// lib/sqlite: a read-only reader of SQLite 3 files (and their write-ahead log), for OpenClaw's state database.
// The list of this folder's sources, and of the folders it builds on: a script names one such file
// in //SOURCES and JBang follows the lists (locally and from a URL). No globs: they break from a URL.
//SOURCES ../files/sources.java
//SOURCES SqliteDatabase.java
//SOURCES SqliteException.java
//SOURCES SqliteRecord.java
//SOURCES SqliteWal.java
