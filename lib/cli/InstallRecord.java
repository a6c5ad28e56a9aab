import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --install} wrote, kept in {@code openclaw-hf/installed.json} inside the data folder: for each command,
 * its path and SHA-256 and the jar it runs. {@code --uninstall} removes only what this names, and only while the
 * command is still the one written (same hash): a wrapper edited to point elsewhere, or a file merely carrying our
 * mark, is never a reason to delete anything.
 */
final class InstallRecord {
    /** One installed command. */
    record Entry(Path command, String sha256, Path jar) { }

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();

    private InstallRecord(Path file) { this.file = file; }

    /** The record in {@code root} (the {@code openclaw-hf} folder); empty when there is none or it cannot be read. */
    static InstallRecord in(Path root) {
        InstallRecord r = new InstallRecord(root.resolve("installed.json"));
        try {
            if (!FileReads.exists(r.file)) return r;
            JsonObject o = Json.parse(FileReads.text(r.file, 1024 * 1024)).asObject();
            JsonArray list = o.array("installs");
            for (JsonObject e : list == null ? List.<JsonObject>of() : list.objects()) {
                String command = e.string("command"), sha = e.string("sha256"), jar = e.string("jar");
                if (command != null && sha != null && jar != null) r.entries.add(new Entry(Path.of(command), sha,
                        Path.of(jar)));
            }
        } catch (IOException | RuntimeException unreadable) {
            // a record that cannot be read names nothing: nothing is removed on its word
        }
        return r;
    }

    /** The entry for {@code command}, or null. */
    Entry find(Path command) {
        for (Entry e : entries) if (e.command().equals(command)) return e;
        return null;
    }

    /** Records {@code command} (replacing an entry for the same path) and writes the record. */
    void put(Path command, String sha256, Path jar) throws IOException {
        entries.removeIf(e -> e.command().equals(command));
        entries.add(new Entry(command, sha256, jar));
        save();
    }

    /** Forgets {@code entry} and writes the record; with nothing left the record file goes too. */
    void remove(Entry entry) throws IOException {
        entries.remove(entry);
        if (entries.isEmpty()) SafeFile.remove(file);
        else save();
    }

    private void save() throws IOException {
        List<JsonValue> list = new ArrayList<>();
        for (Entry e : entries) {
            list.add(JsonValue.object("command", JsonValue.of(e.command().toString()), "sha256",
                    JsonValue.of(e.sha256()),
                    "jar", JsonValue.of(e.jar().toString())));
        }
        SafeFile.write(file, Json.pretty(JsonValue.object("installs", new JsonArray(list))) + "\n", false);
    }

    /** The SHA-256 of {@code bytes}, in hex. */
    static String sha256(byte[] bytes) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder sb = new StringBuilder();
            for (byte b : d) sb.append(String.format("%02x", b & 0xff));
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) { return sha256(text.getBytes(StandardCharsets.UTF_8)); }
}
