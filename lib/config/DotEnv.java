import java.io.IOException;
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
        static final Pattern PATTERN = Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*");
    }

    static DotEnv read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (!Files.isRegularFile(file)) return new DotEnv(values, warnings);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            warnings.add(file + ": cannot read (" + e.getMessage() + ")");
            return new DotEnv(values, warnings);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
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
    static void store(Path file, String key, String value) throws Exception {
        SafeFile.locked(file, () -> {
            List<String> lines = new ArrayList<>(SafeFile.readOrEmpty(file).lines().toList());
            String entry = key + "=" + quoted(value);
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = Line.PATTERN.matcher(lines.get(i));
                if (m.matches() && m.group(1).equals(key)) {
                    lines.set(i, replaced ? null : entry);
                    replaced = true;
                }
            }
            lines.removeIf(l -> l == null);
            if (!replaced) lines.add(entry);
            SafeFile.write(file, String.join("\n", lines) + "\n", false);
            return null;
        });
    }
}
