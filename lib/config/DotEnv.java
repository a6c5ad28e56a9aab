import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file: {@code KEY=VALUE} lines, optionally {@code export}ed, with single- or
 * double-quoted values and {@code #} comments. A line that is none of these is reported with its
 * number and skipped. Storing a value rewrites only that key's line.
 */
record DotEnv(Map<String, String> values, List<String> warnings) {
    /** Compiled on first use: most runs have no .env file and should not pay for a regex. */
    private static final class Line {
        static final Pattern PATTERN =
                Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*");
    }

    static DotEnv read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (!Files.isRegularFile(file)) return new DotEnv(values, warnings);
        List<byte[]> lines;
        try {
            lines = lines(FileReads.bytes(file, FileReads.MAX_SMALL_FILE));
        } catch (IOException e) {
            warnings.add(file + ": cannot read (" + Cli.reason(e) + ")");
            return new DotEnv(values, warnings);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = text(lines.get(i));
            if (line == null) {
                warnings.add(file + ":" + (i + 1) + ": not UTF-8, skipped");
                continue;
            }
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            Matcher m = Line.PATTERN.matcher(line);
            String value = m.matches() ? unquote(m.group(2)) : null;
            if (value == null) {
                warnings.add(file + ":" + (i + 1) + ": not KEY=VALUE, skipped");
            } else {
                values.putIfAbsent(m.group(1), value);
            }
        }
        return new DotEnv(values, warnings);
    }

    /** The value of a right-hand side, or null when its quotes do not close. */
    private static String unquote(String raw) {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            return end < 0 || !isCommentOrNothing(raw.substring(end + 1)) ? null : raw.substring(1, end);
        }
        if (raw.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') return isCommentOrNothing(raw.substring(i + 1)) ? sb.toString() : null;
                if (c == '\\' && i + 1 < raw.length()) {
                    char n = raw.charAt(++i);
                    sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
                } else {
                    sb.append(c);
                }
            }
            return null;
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }

    private static boolean isCommentOrNothing(String rest) {
        String r = rest.strip();
        return r.isEmpty() || r.startsWith("#");
    }

    /**
     * A value as a {@code .env} line must hold it to read back the same: as it is when it is plain, else in
     * double quotes with {@code \\}, {@code "} and line ends escaped (a space or a {@code #} would cut it).
     */
    static String quoted(String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c > ' ' && c != '#' && c != '"' && c != '\'' && c != '\\' && c != 0x7f;
        }
        if (plain) return value;
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Sets {@code key=value} in {@code file}: its line replaced where it has one, else appended; every
     * other line kept. Atomic, 0600, under the file's lock.
     */
    static void store(Path file, String key, String value) throws Exception { store(file, key, value,
            SidecarLock.WAIT); }

    static void store(Path file, String key, String value, java.time.Duration lockWait) throws Exception {
        SidecarLock.locked(file, lockWait, () -> {
            Path target = SafeFile.target(file);
            if (Files.exists(target) && !Files.isRegularFile(target)) throw new IOException(file
                    + " is not a regular file");
            byte[] old = Files.exists(target) ? FileReads.bytes(target, FileReads.MAX_SMALL_FILE) : new byte[0];
            // Every other line is kept byte for byte (one that is not UTF-8 too), with the file's own line ends.
            byte[] eol = crlf(old) ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
            List<byte[]> lines = lines(old);
            byte[] entry = (key + "=" + quoted(value)).getBytes(StandardCharsets.UTF_8);
            boolean replaced = false;
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(old.length + entry.length + 2);
            for (byte[] line : lines) {
                String text = text(line);
                Matcher m = text == null ? null : Line.PATTERN.matcher(text);
                if (m != null && m.matches() && m.group(1).equals(key)) {
                    if (replaced) continue;
                    line = entry;
                    replaced = true;
                }
                out.writeBytes(line);
                out.writeBytes(eol);
            }
            if (!replaced) {
                out.writeBytes(entry);
                out.writeBytes(eol);
            }
            SafeFile.write(file, out.toByteArray(), false);
            return null;
        });
    }

    /** The lines of {@code bytes}, without their line ends ({@code \n}, and a {@code \r} before it). */
    static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') continue;
            if (i == bytes.length && start == bytes.length) break;
            int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
            lines.add(java.util.Arrays.copyOfRange(bytes, start, end));
            start = i + 1;
        }
        return lines;
    }

    /** Whether the file's first line ends with CRLF: then so do the lines we write. */
    private static boolean crlf(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == '\n') return i > 0 && bytes[i - 1] == '\r';
        return false;
    }

    /** The line as UTF-8 text, or null when it is not UTF-8. */
    private static String text(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }
}
