import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The process's stdout and stderr as the locale allows: what we print carries a few characters beyond
 * ASCII (a middle dot, an ellipsis, a dash, arrows; and whatever a model answers). Where the streams' encoding (the
 * JVM's
 * {@code stdout.encoding}, else the locale's {@code native.encoding}) can show them, nothing changes; where
 * it cannot (a C or POSIX locale: cron, systemd units, slim containers), they become ASCII stand-ins
 * ({@code ... - <- ->}) and anything else {@code ?}, where the JVM alone would print {@code ?} for all of them.
 */
final class Output {
    private Output() { }

    /**
     * {@code given} as the locale allows it, when it is the process's own stdout or stderr; any other stream as it is.
     */
    static PrintStream forLocale(PrintStream given) {
        boolean stdout = given == System.out, stderr = given == System.err;
        if (!stdout && !stderr) return given;
        String name = terminalCharset(stdout);
        // Nearly always: nothing to check (an encoder's first use costs a start-up a few milliseconds).
        if (name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("UTF8")) return given;
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (RuntimeException unknown) {
            return given;
        }
        if (charset.newEncoder().canEncode("\u00b7\u2026\u2014\u2190\u2192")) return given;
        given.flush();
        OutputStream fd = new BufferedOutputStream(new FileOutputStream(stdout ? FileDescriptor.out
                : FileDescriptor.err), 8192);
        return new AsciiStream(new Ascii(fd));
    }

    /**
     * Set by the launchers (./jbang, an installed command) when they ran Java under C.UTF-8 for a C or POSIX locale.
     */
    static final String TERMINAL_CHARSET = "OPENCLAW_HF_TERMINAL_CHARSET";

    /**
     * What the terminal takes: {@value #TERMINAL_CHARSET} when a launcher ran Java under a UTF-8 locale so that
     * arguments arrive intact (a C or POSIX locale reads them as ASCII, each other character as U+FFFD), else the
     * JVM's {@code stdout.encoding}, else the locale's {@code native.encoding}.
     */
    private static String terminalCharset(boolean stdout) {
        String told = System.getenv(TERMINAL_CHARSET);
        if (told != null && !told.isBlank()) return told;
        return System.getProperty(stdout ? "stdout.encoding" : "stderr.encoding",
                System.getProperty("native.encoding", "UTF-8"));
    }

    /**
     * The process's stdout or stderr in ASCII stand-ins: JSON printed to it escapes what it cannot show ({@link
     * #json}).
     */
    static final class AsciiStream extends PrintStream {
        AsciiStream(OutputStream ascii) { super(ascii, true, StandardCharsets.UTF_8); }
    }

    /**
     * Prints {@code json} (JSON text) on {@code out} exactly: where the output cannot carry a character beyond ASCII,
     * as a JSON escape (a backslash, u, four hex digits: valid in strings, where alone such characters stand), never a
     * stand-in.
     */
    static void json(PrintStream out, String json) {
        if (!(out instanceof SafeOutput safe && safe.asciiOnly()) && !(out instanceof AsciiStream)) {
            out.println(json);
            return;
        }
        StringBuilder sb = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) sb.append(c);
            else sb.append(String.format("\\u%04x", (int) c));
        }
        out.println(sb);
    }

    /** The ASCII stand-in of one code point, or null to keep it (it is ASCII). */
    static String standIn(int codePoint) {
        if (codePoint < 0x80) return null;
        return switch (codePoint) {
            case 0x2026 -> "...";
            case 0x2192 -> "->";
            case 0x2190 -> "<-";
            case 0x00b7, 0x2014, 0x2013, 0x2212 -> "-";
            case 0x00d7 -> "x";
            case 0x2018, 0x2019 -> "'";
            case 0x201c, 0x201d -> "\"";
            case 0x00a0 -> " ";
            default -> "?";
        };
    }

    /** Takes UTF-8, writes ASCII: each code point beyond ASCII as its {@link #standIn}. */
    static final class Ascii extends FilterOutputStream {
        private int codePoint, pending;

        Ascii(OutputStream out) { super(out); }

        @Override
        public void write(int b) throws IOException {
            b &= 0xff;
            if (pending > 0 && (b & 0xc0) == 0x80) {
                codePoint = (codePoint << 6) | (b & 0x3f);
                if (--pending == 0) out.write(standIn(codePoint).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (pending > 0) out.write('?');   // a sequence cut short
            pending = 0;
            if (b < 0x80) {
                out.write(b);
            } else if (b >= 0xf0) {
                codePoint = b & 0x07;
                pending = 3;
            } else if (b >= 0xe0) {
                codePoint = b & 0x0f;
                pending = 2;
            } else if (b >= 0xc0) {
                codePoint = b & 0x1f;
                pending = 1;
            } else {
                out.write('?');
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) write(b[i]);
        }
    }
}
