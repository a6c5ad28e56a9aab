import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every {@code --help} shares: the environment variables the commands read, said one way, and help wrapped at
 * the terminal's width between words (a line the terminal wraps itself breaks mid-word).
 */
final class Help {
    private Help() { }

    private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

    static {
        VARIABLES.put("HF_TOKEN", "the Hugging Face token (also HUGGINGFACE_HUB_TOKEN; else OpenClaw's stored\n"
                + "key, ~/.openclaw/.env, the Hugging Face token file: see models status)");
        VARIABLES.put("HF_ROUTER_URL",
                "the router's base URL (default: the config's baseUrl, else\nhttps://router.huggingface.co/v1)");
        VARIABLES.put("HF_ENDPOINT", "the Hub, for onboard's whoami check (default https://huggingface.co)");
        VARIABLES.put("HF_HUB_OFFLINE",
                "=1: no network for what can do without (models list as --offline,\nonboard skips whoami)");
        VARIABLES.put("HF_BILL_TO", "the organization chat bills (header X-HF-Bill-To)");
        VARIABLES.put("HF_MAX_COST", "the most a question may cost, in USD, as --max-cost");
        VARIABLES.put("HF_CHAT_LOG", "=off: never log conversations (see chat logs --path)");
        VARIABLES.put("HTTPS_PROXY",
                "the proxy for https (also HTTP_PROXY, lower case too; user:password@\nallowed); NO_PROXY: hosts "
                + "that go direct");
        VARIABLES.put("OPENCLAW_STATE_DIR", "OpenClaw's state folder (default ~/.openclaw; also OPENCLAW_HOME);\n"
                + "OPENCLAW_CONFIG_PATH: its config file");
        VARIABLES.put("NO_COLOR", "no colour; COLUMNS: the table's and the help's width");
    }

    /** The "Environment:" section naming {@code names}, in the options' layout. */
    static String environment(String... names) {
        StringBuilder sb = new StringBuilder("Environment:\n");
        for (String name : names) {
            String[] lines = VARIABLES.get(name).split("\n");
            sb.append("  ").append(String.format("%-20s", name)).append(lines[0]).append('\n');
            for (int i = 1; i < lines.length; i++) sb.append(" ".repeat(22)).append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code text} with every line longer than {@code width} (0: no limit) broken between words; the rest of a line
     * goes on under where its text started (an option's description, or the line's own indent).
     */
    static String wrapped(String text, int width) {
        if (width <= 0) return text;
        StringBuilder sb = new StringBuilder(text.length() + 64);
        for (String line : text.split("\n", -1)) {
            int hang = hang(line);
            String rest = line;
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                if (cut <= hang) break;   // one long word: the terminal may break it
                sb.append(rest, 0, cut).append('\n');
                rest = " ".repeat(hang) + rest.substring(cut + 1).stripLeading();
            }
            sb.append(rest).append('\n');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /** Where a line's text starts: after an option's name and the two spaces that follow it, else after the indent. */
    private static int hang(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') indent++;
        if (indent == 0 || indent >= line.length() || line.charAt(indent) == ' ') return indent;
        int gap = line.indexOf("  ", indent);
        return gap > 0 && gap + 2 < line.length() && gap < 40 ? gap + 2 + countSpaces(line, gap + 2) : indent;
    }

    private static int countSpaces(String line, int from) {
        int n = 0;
        while (from + n < line.length() && line.charAt(from + n) == ' ') n++;
        return n;
    }
}
