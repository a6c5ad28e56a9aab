import java.util.ArrayList;
import java.util.List;

/**
 * A command line as {@code --mcp-server} takes it, split into words as a shell would split a simple one: spaces
 * separate, '...' and "..." quote, a backslash escapes the next character. No variables, globs or pipes: the words
 * are run as they are, by no shell.
 */
final class CommandWords {
    private CommandWords() { }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < line.length()) word.append(line.charAt(++i));
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new Cli.UsageException("--mcp-server: a quote is not closed: "
                + Printable.line(line));
        if (inWord) words.add(word.toString());
        return words;
    }
}
