import java.util.ArrayList;
import java.util.List;

/** What a chat command line asked for, read by {@link #parse} from {@link ChatCommand#OPTIONS}. */
final class ChatRequest {
    String model;
    String system;
    String billTo;
    /** -c: the most recent conversation; --cid: that one. */
    boolean continueLast, noLog;
    String cid;
    String schema;
    boolean extract;
    final List<String> attachments = new ArrayList<>();
    Double temperature;
    Integer maxTokens;
    boolean stream = true, json, hideReasoning, noFallback;
    double timeout = 60;
    int retries = 2;
    final List<String> fallbacks = new ArrayList<>();
    final List<String> prompt = new ArrayList<>();
    boolean noStdin, plan, reroute, estimate;
    java.math.BigDecimal maxCost;
    /** --batch FILE|-, --out FILE, --concurrency N, --resume, --template TEXT. */
    String batch, out, template;
    int concurrency = 4;
    boolean resume;
    /** --tool PATH, --tools DIR, --mcp-server CMD, --mcp URL, --allow TOOL, --yes, --max-tool-calls, --tool-timeout. */
    final List<String> tools = new ArrayList<>(), toolFolders = new ArrayList<>(), mcpServers = new ArrayList<>(),
            mcp = new ArrayList<>(), allowed = new ArrayList<>();
    boolean yes;
    int maxToolCalls = 5;
    double toolTimeout = 60;

    /** Whether any tool is offered: local ones, servers run here, or the router's Remote MCP. */
    boolean offersTools() {
        return !tools.isEmpty() || !toolFolders.isEmpty() || !mcpServers.isEmpty() || !mcp.isEmpty();
    }

    /** Reads the command line by {@link ChatCommand#OPTIONS}; usage errors name the flag. */
    static ChatRequest parse(CommandLine cli) {
        ChatRequest r = new ChatRequest();
        boolean options = true;
        java.util.Set<String> given = new java.util.HashSet<>();
        while (cli.hasNext()) {
            String arg = cli.next();
            if (!options || !arg.startsWith("-") || arg.equals("-")) {
                r.prompt.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                options = false;
                continue;
            }
            String option = ChatCommand.OPTIONS.take(cli, arg);
            given.add(option);
            switch (option) {
                case "--model" -> r.model = cli.value(arg);
                case "--system" -> r.system = cli.value(arg);
                case "--temperature" -> r.temperature = cli.decimalValue(arg, 0, 2);
                case "--max-tokens" -> r.maxTokens = cli.intValue(arg, 1);
                case "--no-stream" -> r.stream = false;
                case "--json" -> r.json = true;
                case "--hide-reasoning" -> r.hideReasoning = true;
                case "--timeout" -> r.timeout = cli.decimalValue(arg, 0.1, 3600);
                case "--retries" -> r.retries = cli.intValue(arg, 0);
                case "--fallback" -> r.fallbacks.add(cli.value(arg));
                case "--no-fallback" -> r.noFallback = true;
                case "--bill-to" -> r.billTo = cli.value(arg);
                case "--continue" -> r.continueLast = true;
                case "--cid" -> r.cid = cli.value(arg);
                case "--no-log" -> r.noLog = true;
                case "--schema" -> r.schema = cli.value(arg);
                case "--extract" -> r.extract = true;
                case "--attach" -> r.attachments.add(cli.value(arg));
                case "--no-stdin" -> r.noStdin = true;
                case "--plan" -> r.plan = true;
                case "--reroute" -> r.reroute = true;
                case "--estimate" -> r.estimate = true;
                case "--max-cost" -> r.maxCost = usd(arg, cli.value(arg));
                case "--batch" -> r.batch = cli.value(arg);
                case "--out" -> r.out = cli.value(arg);
                case "--concurrency" -> r.concurrency = cli.intValue(arg, 1);
                case "--resume" -> r.resume = true;
                case "--template" -> r.template = cli.value(arg);
                case "--tool" -> r.tools.add(cli.value(arg));
                case "--tools" -> r.toolFolders.add(cli.value(arg));
                case "--mcp-server" -> r.mcpServers.add(cli.value(arg));
                case "--mcp" -> r.mcp.add(RemoteMcp.checked(cli.value(arg)));
                case "--allow" -> r.allowed.add(cli.value(arg));
                case "--yes" -> r.yes = true;
                case "--max-tool-calls" -> r.maxToolCalls = cli.intValue(arg, 1);
                case "--tool-timeout" -> r.toolTimeout = cli.decimalValue(arg, 0.1, 3600);
                default -> throw new IllegalStateException(option);
            }
        }
        ChatCommand.OPTIONS.requireAtMostOne(given);
        requireToolsFit(r, given);
        if (r.batch == null) {
            for (String only : List.of("--out", "--concurrency", "--resume", "--template")) {
                if (given.contains(only)) throw new Cli.UsageException(only + " goes with --batch");
            }
        } else {
            for (String not : List.of("--continue", "--cid", "--plan", "--estimate", "--attach", "--json",
                    "--extract")) {
                if (given.contains(not)) throw new Cli.UsageException(not + " does not go with --batch");
            }
            if (!r.prompt.isEmpty()) throw new Cli.UsageException("--batch takes its prompts from "
                    + (r.batch.equals("-") ? "stdin" : r.batch) + ", not from arguments");
            if (r.resume && r.out == null) throw new Cli.UsageException("--resume reads the --out FILE: give one");
            if (r.concurrency > 64) throw new Cli.UsageException("invalid value for --concurrency: '"
                    + r.concurrency + "' (at most 64)");
        }
        if (r.attachments.contains("-")
                && r.prompt.isEmpty()) throw new Cli.UsageException("-a - reads the image from stdin: give the prompt "
                        + "as arguments");
        if (r.schema != null && r.extract) throw new Cli.UsageException("--schema and -x together: choose one");
        if (r.continueLast && r.cid != null) throw new Cli.UsageException("-c and --cid together: -c continues the "
                + "most recent conversation, --cid the one named");
        return r;
    }

    /** The tool options together: each needs tools offered, --mcp goes alone, tools not with --batch. */
    private static void requireToolsFit(ChatRequest r, java.util.Set<String> given) {
        if (!r.offersTools()) {
            for (String only : List.of("--yes", "--max-tool-calls", "--tool-timeout", "--allow")) {
                if (given.contains(only)) throw new Cli.UsageException(only + " goes with --tool, --tools, "
                        + "--mcp-server or --mcp");
            }
            return;
        }
        if (r.batch != null) throw new Cli.UsageException("--batch does not take tools (--tool, --tools, "
                + "--mcp-server, --mcp)");
        if (given.contains("--allow") && r.mcp.isEmpty()) throw new Cli.UsageException("--allow names the tools "
                + "of --mcp servers the model may call: give --mcp");
        if (r.mcp.isEmpty()) return;
        for (String local : List.of("--tool", "--tools", "--mcp-server")) {
            if (given.contains(local)) throw new Cli.UsageException("--mcp and " + local + " together: the router "
                    + "runs --mcp servers (through /v1/responses), chat runs " + local + " (through "
                    + "chat/completions); choose one");
        }
        for (String not : List.of("--schema", "--attach", "--extract")) {
            if (given.contains(not)) throw new Cli.UsageException(not + " does not go with --mcp");
        }
        if (given.contains("--tool-timeout")) throw new Cli.UsageException("--tool-timeout goes with local tools: "
                + "the router runs --mcp servers' tools");
    }

    /** A cost in USD given by {@code where}: a plain non-negative number ({@code 0.05}). */
    static java.math.BigDecimal usd(String where, String value) {
        // Plain digits only, bounded: an exponent (1e-999999999) would make printing the cap a billion characters.
        String v = value.strip();
        if (v.matches("[0-9]{1,9}(\\.[0-9]{1,9})?")) return new java.math.BigDecimal(v);
        String shown = value.length() > 40 ? value.substring(0, 40) + "\u2026" : value;
        throw new Cli.UsageException("invalid value for " + where + ": '" + Printable.line(shown)
                + "' (an amount in USD, such as 0.05)");
    }
}
