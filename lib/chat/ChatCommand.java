import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** {@code chat}: OpenAI-compatible chat completions through the Hugging Face router. */
public final class ChatCommand {
    static final Options OPTIONS = new Options()
            .add("--model", "-m", "MODEL", "ref, id or alias (default: the configured default model, else\n"
                    + "huggingface/deepseek-ai/DeepSeek-R1); suffixes :fastest, :cheapest,\n:preferred, :<provider> "
                            + "are sent as they are")
            .add("--system", "-s", "TEXT", "a system prompt")
            .add("--temperature", null, "T", "sampling temperature, 0 to 2")
            .add("--max-tokens", null, "N", "at most N tokens in the answer")
            .add("--no-stream", null, null, "ask for the whole answer at once")
            .add("--json", null, null, "print the final answer as JSON (a chat.completion object) on stdout")
            .add("--hide-reasoning", null, null, "do not show the model's reasoning")
            .add("--timeout", null, "S", "give up when the router is silent for S seconds (default 60)")
            .add("--retries", null, "N",
                    "retries of a model on 408/409/425/429/5xx or a network failure,\nbefore any of the answer was "
                            + "shown (default 2)")
            .add("--fallback", null, "MODEL",
                    "the model to try next when one fails (repeatable; default: the\nconfigured fallbacks, "
                            + "agents.defaults.model.fallbacks)")
            .add("--no-fallback", null, null, "no other model")
            .add("--continue", "-c", null,
                    "continue the most recent conversation (its history is sent again;\nits model unless -m)")
            .add("--cid", null, "ID", "continue the conversation ID (see chat logs)")
            .add("--schema", null, "FILE|JSON",
                    "ask for an answer in JSON that fits this JSON schema (response_format),\n"
                    + "from a provider that serves structured output; stdout gets the\nanswer as compact JSON, checked "
                            + "(type, required keys, property types)")
            .add("--extract", "-x", null, "print only the first fenced code block of the answer")
            .add("--attach", "-a", "F|URL", "an image with the question (repeatable): a PNG, JPEG, GIF or WebP file\n"
                    + "(sent as a data URL, at most 10 MB), - for stdin, or an http(s) URL;\nrefused for a model the "
                            + "cached list says takes no images")
            .add("--no-stdin", null, null,
                    "with a PROMPT, do not read piped stdin (by default piped text is sent\nfirst, then a blank line "
                            + "and the PROMPT: cat FILE | chat \"summarise\")")
            .add("--plan", null, null, "print where the question would go (each model:provider in order, and why;\n"
                    + "what was left out, and why) and send nothing; --json for scripts")
            .add("--estimate", null, null, "print what the question would cost at each planned provider (the prompt's\n"
                    + "tokens estimated; at most: --max-tokens, else the rest of the context) and send nothing")
            .add("--max-cost", null, "USD", "refuse, before sending, a question whose estimate may pass USD\n"
                    + "(default: HF_MAX_COST)")
            .add("--reroute", null, null, "let the plan replace a pinned :provider by others that can serve")
            .add("--batch", null, "FILE|-", "ask every prompt of FILE (- for stdin), --concurrency at a time: JSON\n"
                    + "Lines of OpenAI batch requests ({custom_id, body}), {prompt} objects or\nstrings, or CSV "
                    + "(--template); a JSON line per item on stdout or --out")
            .add("--out", null, "FILE", "--batch: append each item's line to FILE")
            .add("--concurrency", null, "N", "--batch: at most N requests in flight (default 4, at most 64;\nfewer "
                    + "after a 429)")
            .add("--resume", null, null, "--batch: skip the items --out already holds a line for")
            .add("--template", null, "TEXT", "--batch: the input is CSV with a header; each row's prompt is TEXT\n"
                    + "with {column} filled in (a .csv FILE without it: the prompt column)")
            .add("--tool", null, "PATH", "offer the model a tool (repeatable): an executable that prints its\n"
                    + "definition ({name, description, parameters}) when run with --describe,\nand is run with a "
                    + "call's arguments as JSON on stdin, stdout the result")
            .add("--tools", null, "DIR", "offer every executable in DIR as a --tool (repeatable)")
            .add("--mcp-server", null, "CMD", "start the MCP server CMD (a command line, run without a shell) and\n"
                    + "offer its tools (repeatable); stopped when chat ends")
            .add("--mcp", null, "URL", "let the router connect to the remote MCP server URL and call its tools\n"
                    + "(repeatable; sent through /v1/responses, the router's beta Responses API)")
            .add("--allow", null, "TOOL", "--mcp: the server's tools the model may call (repeatable; default all)")
            .add("--yes", "-y", null, "run tool calls without asking (without a terminal they are refused\n"
                    + "unless --yes; on one, each is asked [y/N/a])")
            .add("--max-tool-calls", null, "N", "at most N tool calls for one question (default 5); then the model\n"
                    + "is asked to answer without more")
            .add("--tool-timeout", null, "S", "stop a tool call after S seconds (default 60); the model is told")
            .add("--no-log", null, null, "do not log this exchange (HF_CHAT_LOG=off: never log)")
            .add("--bill-to", null, "ORG", "bill the Hugging Face organization ORG (header X-HF-Bill-To, on chat\n"
                    + "requests only); default: HF_BILL_TO, else the "
                            + "config's\nmodels.providers.huggingface.headers[\"X-HF-Bill-To\"]")
            .oneOf("--fallback", "--no-fallback").oneOf("--json", "--schema").oneOf("--json",
                    "--extract").oneOf("--schema", "--extract")
            .oneOf("--continue", "--cid");

    static final String USAGE = """
            Usage: chat [OPTIONS] PROMPT...         one question, the answer on stdout
                   TEXT | chat [OPTIONS]             the question from stdin (also: chat < FILE)
                   TEXT | chat [OPTIONS] PROMPT...   the piped text, then PROMPT (--no-stdin: PROMPT alone)
                   chat [OPTIONS]                    on a terminal: a conversation (/help inside)
                   chat -c [PROMPT...] | --cid ID [PROMPT...]   continue a logged conversation
                   chat logs [-n N] [-q TEXT] [--cid ID] [--json] | chat logs --path
                   chat costs [--since WHEN] [--by day|model|provider] [--json]
                   chat --batch FILE|- [--out FILE] [--concurrency N] [--resume] [--max-cost USD]
                   chat --tool PATH | --tools DIR | --mcp-server CMD | --mcp URL [--yes] PROMPT...
                   chat --help | --version
                   chat --install [--dir DIR] [--name NAME] | --uninstall

            Chat with a model through the Hugging Face router (POST {base URL}/chat/completions).
            stdout carries the answer text only; stderr the rest: reasoning (dimmed), which model and
            provider answered, tokens and cost, retries and fallbacks, and each tool call.

            Options:
            """ + OPTIONS.help() + """

            Options of chat logs (newest turn first: when, conversation id, model, provider, tokens,
            cost, the question's start):
            """ + ChatLogs.OPTIONS.help() + """

            Options of chat costs (the logged turns' costs summed: usage at the serving provider's
            listed price; a turn without a price is said so, never counted as $0):
            """ + ChatCosts.OPTIONS.help() + """

            Options of every command:
              -h, --help          this help
              --version           the toolkit's version
              --install           install as the command hf-chat in DIR (default ~/.local/bin),
                                  quick to start (a class-data cache of its own); --dir DIR, --name NAME
              --uninstall         remove what --install wrote

            In a conversation (chat on a terminal, no PROMPT):
            """ + ChatRepl.HELP.indent(2) + """

            """ + Help.environment("HF_TOKEN", "HF_ROUTER_URL", "HF_BILL_TO", "HF_MAX_COST", "HF_CHAT_LOG",
                    "HTTPS_PROXY",
                    "OPENCLAW_STATE_DIR", "NO_COLOR");

    private final Env env;
    private final Term term;
    private final InputStream in;
    /** What stdin is ({@link Term#stdin}): a pipe or a file is read even when a prompt is given. */
    private final Term.Stdin stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final ChatRun.Pause pause;
    /**
     * Installs the conversation's Ctrl-C handler: {@link Signals#onInterrupt} for real; tests keep the handler to call
     * it.
     */
    private final java.util.function.Predicate<Runnable> onInterrupt;
    private final Random random;

    ChatCommand(Env env, Term term, InputStream in, PrintStream out, PrintStream err, ChatRun.Pause pause,
            Random random) {
        this(env, term, in, out, err, pause, random, Signals::onInterrupt);
    }

    ChatCommand(Env env, Term term, InputStream in, PrintStream out, PrintStream err, ChatRun.Pause pause,
            Random random,
                java.util.function.Predicate<Runnable> onInterrupt) {
        this.onInterrupt = onInterrupt;
        this.env = env;
        this.term = term;
        this.in = in;
        // A test's stdin is a stream it made; the process's is piped only when the shell or Linux says so.
        // (A test that types on a terminal gives a stream standing for the keyboard.)
        this.stdin = in != System.in ? term.tty() ? Term.Stdin.TERMINAL : Term.Stdin.FILE
                : Term.stdin(System.getenv());
        this.out = SafeOutput.of(out);
        this.err = SafeOutput.of(err);
        this.pause = pause;
        this.random = random;
    }

    public static int run(PrintStream stdout, PrintStream stderr, String... args) {
        ChatCommand chat = new ChatCommand(Env.system(), Term.detect(System.getenv()), System.in, stdout, stderr,
                d -> Thread.sleep(d.toMillis()), new Random());
        chat.process = true;
        return chat.run(args);
    }

    /** Whether this is the process's own chat (not a test's): then Ctrl-C says so as the JVM ends. */
    private boolean process;

    /**
     * Ctrl-C: the JVM ends the request with the process (exit 130); this says so, after whatever was printed. Made
     * within the run, so that its thread hides the run's secrets ({@link Running}) as the run's own output does.
     */
    private Thread interruptedHook() {
        return new Thread(() -> {
            SafeOutput.release(out);
            err.println();
            Cli.say(err, "interrupted");
            SafeOutput.release(err);
        });
    }

    int run(String... args) {
        return Cli.run("chat", USAGE, out, err, args, term, cli -> {
            Running.invokedAs(env.invocation());
            Thread hook = process ? interruptedHook() : null;
            if (hook != null) Runtime.getRuntime().addShutdownHook(hook);
            try {
                return ask(cli);
            } finally {
                if (hook != null) Runtime.getRuntime().removeShutdownHook(hook);
            }
        });
    }

    private int ask(CommandLine cli) throws Exception {
        if ("logs".equals(cli.peek())) {
            cli.next();
            env.useConfig(ConfigFile.of(env).read());
            return ChatLogs.run(cli, env, out, err);
        }
        if ("costs".equals(cli.peek())) {
            cli.next();
            env.useConfig(ConfigFile.of(env).read());
            return ChatCosts.run(cli, env, out, err, java.time.Instant.now());
        }
        ChatRequest r = ChatRequest.parse(cli);
        JsonValue config = ConfigFile.of(env).read();
        env.useConfig(config);
        env.willLookUp(BillTo.VARIABLE, ChatLog.SWITCH);
        Token.Found keys = Token.first(env, config);
        if (keys.blocked() != null) throw new Cli.Failure(keys.blocked() + "; set it, or run "
                + Invocation.command("onboard"));
        Token token = keys.first();
        BillTo billTo = BillTo.of(r.billTo, env, config);
        for (String warning : env.warnings()) Cli.warn(err, warning);
        Map<String, String> aliases = ConfigFile.aliases(config);
        Conversation conversation = conversation(r);
        List<ModelRef> chain = chain(r, config, aliases, ChatSession.lastRef(conversation.logged()));
        JsonObject schema = r.schema == null ? null : StructuredAnswer.schema(r.schema);
        try (ToolBox box = r.offersTools() && r.mcp.isEmpty() ? ToolBox.open(r.tools, r.toolFolders, r.mcpServers)
                : null) {
            JsonArray tools = box != null ? box.definitions() : r.mcp.isEmpty() ? null : RemoteMcp.tools(r.mcp,
                    r.allowed, r.yes);
            if (box != null && box.isEmpty()) throw new Cli.Failure("no tools to offer: "
                    + "the --tools folders hold no executable and the --mcp-server servers list none");
            ChatRun.Settings settings = new ChatRun.Settings(r.temperature, r.maxTokens, r.stream, r.retries,
                    Duration.ofMillis(Math.round(r.timeout * 1000)),
                    schema == null ? null : StructuredAnswer.responseFormat(schema), r.reroute, maxCost(r),
                    r.maxCost != null ? "--max-cost" : "HF_MAX_COST", tools == null ? null : JsonValue.object("tools",
                            tools));
            ToolRunner runner = tools == null ? null : new ToolRunner(box, new ToolApproval(r.yes
                    ? ToolApproval.Mode.YES : term.tty() ? ToolApproval.Mode.ASK : ToolApproval.Mode.REFUSE,
                    this::typedLine, err), r.maxToolCalls, Duration.ofMillis(Math.round(r.toolTimeout * 1000)), err);
            return ask(r, config, token, billTo, aliases, conversation, chain, schema, settings, runner);
        }
    }

    /** The terminal's lines, read by the conversation and by a tool call's approval alike (one reader). */
    private java.io.BufferedReader typed;

    private java.io.BufferedReader typed() {
        if (typed == null) typed = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                StandardCharsets.UTF_8));
        return typed;
    }

    private String typedLine() {
        try {
            return typed().readLine();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private int ask(ChatRequest r, JsonValue config, Token token, BillTo billTo, Map<String, String> aliases,
            Conversation conversation, List<ModelRef> chain, JsonObject schema, ChatRun.Settings settings,
            ToolRunner runner) throws Exception {
        List<RouterModel> known = ChatReport.cached(env, config);
        try (RouterClient router = RouterClient.forRouter(env, config, token, settings.idle(), w -> Cli.warn(err, w),
                billTo)) {
            if (router.cannotSend() != null) throw new Cli.Failure(router.cannotSend() + "; nothing was sent");
            ChatReport report = new ChatReport(term, out, err, new ChatReport.Shown(r.json, r.hideReasoning, schema,
                    r.extract), known);
            java.util.function.Supplier<List<String>> budget = () -> token == null ? List.of()
                    : BudgetStop.explain(TokenCheck.of(env, token, w -> Cli.warn(err, w)), billTo);
            ChatSession session = new ChatSession(conversation.cid(), conversation.logged(), r.system,
                    conversation.log(), new ChatRun(router, settings, pause, random, err, budget), report, err);
            session.useTools(runner);
            // A pinned provider the cached list says does not serve the model: said as models show says it, before any
            // request; the model asked for is refused, a fallback so pinned is left out with a warning.
            for (int i = chain.size() - 1; i >= 0; i--) {
                try {
                    chain.get(i).requireServed(known);
                } catch (ModelRefException e) {
                    if (i == 0) throw new Cli.Failure(e.getMessage() + "; nothing was sent");
                    Cli.warn(err, "fallback " + chain.remove(i).routerId() + " left out: " + e.getMessage());
                }
            }
            // A model the cached list lacks is asked all the same (the list may be older than the model), said first.
            if (!known.isEmpty() && chain.get(0).in(known) == null) {
                List<String> ids = new ArrayList<>();
                for (RouterModel m : known) ids.add(m.id());
                Cli.warn(err, chain.get(0).id() + " is not in the router's list (as cached)"
                        + ModelChoice.suggestionsAmong(chain.get(0).id(), ids));
            }
            if (r.batch != null) {
                // Items are asked whole (no stream: nothing is shown as it comes), each with the run's settings.
                ChatRun.Settings whole = new ChatRun.Settings(r.temperature, r.maxTokens, false, r.retries,
                        settings.idle(), settings.responseFormat(), r.reroute, settings.maxCost(),
                        settings.maxCostFrom());
                BatchRun.Setup setup = new BatchRun.Setup(chain, chain.subList(1, chain.size()), r.system, aliases,
                        whole, schema, r.concurrency, known);
                return BatchCommand.run(r, setup, router, conversation.log(), "batch-" + conversation.cid(),
                        new BatchCommand.Context(env, term, in, out, err, pause, random, budget, onInterrupt));
            }
            List<Attachment> attached = new ArrayList<>();
            for (String a : r.attachments) attached.add(Attachment.of(a, in));
            // The model asked for must take images; the fallbacks that do not are left out by the plan, said so.
            if (!attached.isEmpty()) Attachment.requireImages(chain.get(0), known);
            if (r.prompt.isEmpty() && term.tty()) {
                if (r.plan) throw new Cli.UsageException("--plan plans one question: give a PROMPT");
                ChatRepl repl = new ChatRepl(session, chain, typed(), err, aliases, () -> System.exit(Cli.INTERRUPTED));
                repl.attach(attached);
                onInterrupt.test(repl::interrupt);
                return repl.run();
            }
            // A piped prompt ends with the newline of its last line, which is not part of the question.
            // Piped text and a prompt both: the text, a blank line, the prompt (cat FILE | chat "summarise"), as llm
            // does.
            StdinPrompt piped = new StdinPrompt(in, stdin, err);
            String text = r.prompt.isEmpty() ? piped.whole() : !r.noStdin && !r.attachments.contains("-")
                    && (stdin == Term.Stdin.PIPE || stdin == Term.Stdin.FILE) ? piped.beside() : "";
            String asked = String.join(" ", r.prompt);
            String prompt = text.isBlank() ? asked : asked.isEmpty() ? text : text + "\n\n" + asked;
            if (prompt.isBlank()) throw new Cli.UsageException("nothing to send: give a prompt, or pipe text in");
            JsonValue question = Attachment.message(prompt, attached);
            if (r.plan) {
                RoutePlan plan = session.plan(chain, session.messagesWith(question));
                if (r.json) Output.json(out, Json.pretty(plan.json()));
                else out.print(plan.text());
                return Cli.OK;
            }
            if (r.estimate) {
                RoutePlan plan = session.plan(chain, session.messagesWith(question));
                out.print(CostEstimate.text(plan, CostEstimate.of(plan, known)));
                return Cli.OK;
            }
            session.ask(chain, question);
            return Cli.OK;
        }
    }

    /** --max-cost, else HF_MAX_COST (a bad value there is a failure naming it), else none. */
    private java.math.BigDecimal maxCost(ChatRequest r) {
        if (r.maxCost != null) return r.maxCost;
        String set = env.process("HF_MAX_COST");
        if (set == null) return null;
        try {
            return ChatRequest.usd("HF_MAX_COST", set);
        } catch (Cli.UsageException e) {
            throw new Cli.Failure(e.getMessage());
        }
    }

    /**
     * A conversation's id, the turns the log holds of it (none for a new one), and the log its turns go to (null:
     * none).
     */
    private record Conversation(String cid, List<JsonObject> logged, ChatLog log) { }

    /** A new conversation, or (-c, --cid) one from the log; logged unless --no-log or HF_CHAT_LOG=off. */
    private Conversation conversation(ChatRequest r) throws java.io.IOException {
        ChatLog log = r.noLog || ChatLog.off(env) ? null : new ChatLog(ChatLog.path(env));
        if (!r.continueLast && r.cid == null) return new Conversation(ChatLog.newCid(java.time.Instant.now(), random),
                List.of(), log);
        ChatLog logged = new ChatLog(ChatLog.path(env));
        String cid = r.cid != null ? r.cid : logged.lastCid();
        if (cid == null) throw new Cli.Failure("no conversation to continue: nothing is logged in "
                + env.display(logged.file()));
        List<JsonObject> turns = logged.conversation(cid);
        if (turns.isEmpty()) throw new Cli.Failure("no conversation " + Printable.line(cid) + " in "
                + env.display(logged.file()) + " (see '" + Invocation.command("chat") + " logs')");
        return new Conversation(cid, turns, log);
    }

    /**
     * The model (-m, else the continued conversation's, else the configured default), then its fallbacks (given, else
     * configured), each once.
     */
    private static List<ModelRef> chain(ChatRequest r, JsonValue config, Map<String, String> aliases,
            String continued) {
        String primary = r.model != null ? r.model : continued != null ? continued : ConfigFile.string(config,
                ConfigFile.PRIMARY);
        List<ModelRef> chain = new ArrayList<>();
        chain.add(resolve(primary != null ? primary : ModelRef.DEFAULT_MODEL, r.model != null ? "--model"
                : continued != null ? "the conversation's model" : "agents.defaults.model.primary", aliases));
        if (r.noFallback) return chain;
        boolean given = !r.fallbacks.isEmpty();
        List<String> fallbacks = given ? r.fallbacks : ConfigFile.fallbacks(config);
        for (String f : fallbacks) {
            ModelRef ref = resolve(f, given ? "--fallback" : "agents.defaults.model.fallbacks", aliases);
            if (!chain.contains(ref)) chain.add(ref);
        }
        return chain;
    }

    private static ModelRef resolve(String text, String where, Map<String, String> aliases) {
        try {
            return ModelRef.resolve(text, aliases);
        } catch (ModelRefException e) {
            if (where.startsWith("--")) throw new Cli.UsageException(where + ": " + e.getMessage());
            throw new Cli.Failure("config " + where + ": " + e.getMessage());
        }
    }
}
