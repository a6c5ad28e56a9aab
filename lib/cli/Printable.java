/**
 * Text from outside (the router's model ids, names, provider names and statuses, its error messages, a Hub
 * account name, a model's answer and reasoning) made safe to print on a terminal: control characters, which
 * could move the cursor, retitle the window or write the clipboard (OSC 52), and the bidirectional overrides,
 * which can make text read as something else, are shown escaped ({@code \\u001b}, as Java and JSON write
 * them); everything else is as it came. {@code --json} output needs none of this: JSON escapes them itself.
 */
final class Printable {
    private Printable() { }

    /** One line of text: every control character escaped, line ends too. */
    static String line(String text) { return text == null ? null : escape(text, false); }

    /** Text that may run over lines: line feeds and tabs kept, every other control character escaped. */
    static String text(String text) { return text == null ? null : escape(text, true); }

    private static String escape(String text, boolean lines) {
        int i = 0, n = text.length();
        while (i < n && safe(text.charAt(i), lines)) i++;
        if (i == n) return text;   // nearly always: no copy
        StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (safe(c, lines)) sb.append(c);
            else sb.append(escaped(c));
        }
        return sb.toString();
    }

    /** {@code c} as Java and JSON write it: {@code \\u001b}. */
    static String escaped(char c) { return String.format("\\u%04x", (int) c); }

    /** Whether {@link #text} leaves {@code c} as it is. */
    static boolean safeInText(char c) { return safe(c, true); }

    private static boolean safe(char c, boolean lines) {
        if (c >= 0x20 && c < 0x7f) return true;
        if (c < 0x20) return lines && (c == '\n' || c == '\t');
        if (c <= 0x9f) return false;                               // DEL and the C1 controls (0x9b is a CSI)
        return !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069) && c != 0x200e && c != 0x200f
                && c != 0x061c;
    }
}
