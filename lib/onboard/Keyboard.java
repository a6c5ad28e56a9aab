import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Where interactive answers come from: a line, or a secret typed without echo. Both return null at
 * the end of input (Ctrl-D), which callers treat as "cancel". On a real terminal it is the JDK's
 * Console (no echo for secrets); tests drive the same flows with scripted lines.
 */
interface Keyboard {
    String line(String prompt) throws IOException;

    String secret(String prompt) throws IOException;

    static Keyboard console(Console console) {
        return new Keyboard() {
            public String line(String prompt) { return console.readLine("%s", SafeOutput.clean(prompt)); }

            public String secret(String prompt) {
                char[] typed = console.readPassword("%s", SafeOutput.clean(prompt));
                return typed == null ? null : new String(typed);
            }
        };
    }

    /** Lines from {@code in}, each prompt written to {@code out}; secrets are read like lines (scripts, tests). */
    static Keyboard lines(BufferedReader in, PrintStream out) {
        return new Keyboard() {
            public String line(String prompt) throws IOException {
                out.print(prompt);
                out.flush();
                String line = in.readLine();
                if (line == null) out.println();
                return line;
            }

            public String secret(String prompt) throws IOException { return line(prompt); }
        };
    }
}
