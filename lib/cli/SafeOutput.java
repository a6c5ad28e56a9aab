import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one exit: every command's stdout and stderr are one of these ({@link #of}), so every line that carries
 * outside text (a router error, an answer, a code block, a provider's name, a REPL failure) leaves through the
 * same two rules, whoever printed it:
 * <ul>
 * <li>every secret this run holds ({@link Cli#secret}) is redacted, also when it arrives in pieces (a streamed
 *     answer): text that could be the start of a secret is held back until the next write shows it is not;
 * <li>control characters are escaped as {@link Printable#text} escapes them (line feeds and tabs kept), so
 *     nothing from outside can move the cursor, retitle the window or write the clipboard (OSC 52). The only
 *     escape sequences let through are the three styles {@link Term} uses (bold, dim, reset), which can neither
 *     move nor hide text; the spinner's carriage return and line erase go by {@link #control} alone.
 * </ul>
 * Before the two rules the locale's ({@link Output#forLocale}) applies. {@code ScriptsTest} fails when code in
 * {@code lib/} prints to the process's streams in any other way.
 */
final class SafeOutput extends PrintStream {
    private final PrintStream target;
    private final Filter filter;

    private SafeOutput(PrintStream target, Filter filter) {
        super(filter, false, StandardCharsets.UTF_8);
        this.target = target;
        this.filter = filter;
    }

    /** Whether what this prints goes out in ASCII stand-ins (a C or POSIX locale). */
    boolean asciiOnly() { return target instanceof Output.AsciiStream; }

    /** Where what nobody is to see goes: the attempts of a batch item, whose one line says how it ended. */
    static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());

    /** {@code given} behind the exit; a stream that already is one is returned as it is. */
    static PrintStream of(PrintStream given) {
        if (given instanceof SafeOutput) return given;
        PrintStream target = Output.forLocale(given);
        Filter filter = new Filter(target);
        return new SafeOutput(target, filter);
    }

    /**
     * {@code text} as the exit would print it, for the one door that is not a stream: a prompt the JDK's Console
     * writes to the terminal itself (onboarding's questions). Secrets redacted, every control character escaped.
     */
    static String clean(String text) { return Printable.text(Running.redact(text)); }

    /** Writes {@code sequence}, one of {@link Term}'s own, as it is: what the filter was holding goes first. */
    static void control(PrintStream stream, String sequence) {
        if (stream instanceof SafeOutput safe) {
            synchronized (safe) {
                safe.flush();
                safe.filter.release();
                safe.target.print(sequence);
                safe.target.flush();
            }
        } else {
            stream.print(sequence);
            stream.flush();
        }
    }

    /** Prints all that is held back (the run is over: nothing more can complete a secret) and flushes. */
    static void release(PrintStream stream) {
        if (stream instanceof SafeOutput safe) {
            synchronized (safe) {
                safe.flush();
                safe.filter.release();
                safe.target.flush();
            }
        } else {
            stream.flush();
        }
    }

    /** Receives what was printed as UTF-8, and prints it to the target escaped and redacted. */
    private static final class Filter extends OutputStream {
        private final PrintStream target;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        /** Bytes of a character not yet whole. */
        private final ByteBuffer partial = ByteBuffer.allocate(8);
        /** Text held back: it may be the start of a secret, or of one of Term's styles. */
        private final StringBuilder held = new StringBuilder();

        Filter(PrintStream target) { this.target = target; }

        @Override
        public synchronized void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) {
            ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
            CharBuffer out = CharBuffer.allocate(len + 8);
            while (partial.position() > 0 && in.hasRemaining()) {
                partial.put(in.get());
                partial.flip();
                CoderResult r = decoder.decode(partial, out, false);
                partial.compact();
                if (partial.position() == 0 || r.isError()) break;
            }
            decoder.decode(in, out, false);
            while (in.hasRemaining()) partial.put(in.get());   // the start of a character the next write completes
            out.flip();
            held.append(out);
            emit(false);
        }

        @Override
        public synchronized void flush() { target.flush(); }

        synchronized void release() { emit(true); }

        private void emit(boolean all) {
            String text = Running.redact(held.toString());
            int keep = all ? 0 : Math.max(Running.secretPrefixAtEnd(text), styleStartAtEnd(text));
            String now = text.substring(0, text.length() - keep);
            held.setLength(0);
            held.append(text, text.length() - keep, text.length());
            if (!now.isEmpty()) target.print(escape(now));
        }

        /** Control characters escaped, but for Term's styles {@code ESC[0m}, {@code ESC[1m}, {@code ESC[2m}. */
        private static String escape(String text) {
            StringBuilder sb = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u001b' && isStyle(text, i)) {
                    if (sb != null) sb.append(text, i, i + 4);
                    i += 3;
                } else if (Printable.safeInText(c)) {
                    if (sb != null) sb.append(c);
                } else {
                    if (sb == null) sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                    sb.append(Printable.escaped(c));
                }
            }
            return sb == null ? text : sb.toString();
        }

        private static boolean isStyle(String text, int at) {
            return at + 3 < text.length() && text.charAt(at + 1) == '[' && "012".indexOf(text.charAt(at + 2)) >= 0
                    && text.charAt(at + 3) == 'm';
        }

        /** How many chars at the end could begin one of Term's styles, not yet whole. */
        private static int styleStartAtEnd(String text) {
            int n = text.length();
            for (int k = Math.min(3, n); k > 0; k--) {
                if (text.charAt(n - k) != '\u001b') continue;
                String tail = text.substring(n - k);
                if ("\u001b[0m".startsWith(tail) || "\u001b[1m".startsWith(tail)
                        || "\u001b[2m".startsWith(tail)) return k;
            }
            return 0;
        }
    }
}
