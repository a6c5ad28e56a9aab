import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One CSV record (RFC 4180): cells split at commas; a cell in double quotes may hold commas, line breaks and
 * {@code ""} for a quote. A quoted cell that goes on past its line takes the next ones, as many as it needs, to at
 * most {@link BatchInput#MAX_LINE} characters in all.
 */
final class CsvLine {
    private CsvLine() { }

    /** The next physical line of the input, or null at its end. */
    interface More {
        String line() throws IOException;
    }

    static List<String> cells(String first, More more, Function<String, Cli.Failure> fail) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String text = first;
        int i = 0, read = first.length();
        boolean quoted = false, wasQuoted = false;
        while (true) {
            if (i >= text.length()) {
                if (!quoted) break;
                String next = more.line();
                if (next == null) throw fail.apply("a quoted cell is not closed before the end of the input");
                read += next.length() + 1;
                if (read > BatchInput.MAX_LINE) throw fail.apply("the record is longer than "
                        + BatchInput.MAX_LINE / (1024 * 1024) + " MB");
                cell.append('\n');
                text = next;
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c != '"') cell.append(c);
                else if (i < text.length() && text.charAt(i) == '"') {
                    cell.append('"');
                    i++;
                } else quoted = false;
            } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted) {
                throw fail.apply("text after a quoted cell's closing quote, at column " + i);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
