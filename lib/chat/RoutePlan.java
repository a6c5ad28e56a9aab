import java.util.ArrayList;
import java.util.List;

/**
 * Where one chat request goes, in order: for each model of the chain, the providers the cached model list says can
 * serve what the request needs ({@link Needs}), in the user's policy; then the next model, planned the same way. One
 * planner every request goes through, so that {@code --schema}, images, a long prompt and failover all choose alike.
 * <ul>
 * <li>{@code :cheapest}: the capable live providers by output price; {@code :fastest}: by throughput;
 * <li>no suffix or {@code :preferred}: the router's own pick first (when every live provider can serve the request),
 *     then the capable ones by throughput, the router's default policy;
 * <li>a provider the user pinned ({@code :together}) is the one attempt for that model, unless {@code reroute};
 * <li>never a provider whose status is not {@code live}; a model that cannot serve the needs at all (an image for a
 *     text-only model) is left out, and why is said.
 * </ul>
 * A model the list does not know (or no list at all) is one attempt as given, retried as before: the planner knows
 * nothing better.
 */
final class RoutePlan {
    /** The most attempts one model gets from the list: enough to get past an outage, few enough to end soon. */
    static final int MOST_PER_MODEL = 4;

    /**
     * What a request needs of a provider: structured output ({@code response_format}), tools, images, and room for
     * about {@code promptTokens} (four characters a token) plus {@code maxTokens} in its context.
     */
    record Needs(boolean structuredOutput, boolean tools, int images, long promptTokens, Integer maxTokens) {
        long context() { return promptTokens + (maxTokens == null ? 0 : maxTokens); }

        /** What asking {@code messages} with {@code settings} needs. */
        static Needs of(List<JsonValue> messages, ChatRun.Settings settings) {
            long chars = 0;
            int images = 0;
            for (JsonValue m : messages) {
                JsonValue content = m.asObject().get("content");
                if (content instanceof JsonString s) chars += s.value().length();
                if (content instanceof JsonArray parts) {
                    for (JsonObject part : parts.objects()) {
                        if ("image_url".equals(part.string("type"))) images++;
                        if (part.string("text") != null) chars += part.string("text").length();
                    }
                }
            }
            // Tools (--tool, --mcp-server, --mcp) are sent in the request's tools: their definitions take room too.
            JsonValue tools = settings.extra() == null ? null : settings.extra().get("tools");
            if (tools != null) chars += Json.write(tools).length();
            return new Needs(settings.responseFormat() != null, tools != null, images, (chars + 3) / 4,
                    settings.maxTokens());
        }

        String said() {
            List<String> parts = new ArrayList<>();
            if (structuredOutput) parts.add("structured output");
            if (tools) parts.add("tools");
            if (images > 0) parts.add("images");
            parts.add("about " + promptTokens + (promptTokens == 1 ? " prompt token" : " prompt tokens")
                    + (maxTokens == null ? "" : " + " + maxTokens
                    + " out"));
            return String.join(", ", parts);
        }
    }

    /**
     * One attempt: the ref sent, why it is there, and whether it came from the list ({@code planned}: on a failure
     * before the first byte the next attempt is asked at once) or is a model as given (retried as before).
     */
    record Attempt(ModelRef ref, String why, boolean planned) { }

    /** A candidate the plan left out: a model or one of its providers, and why. {@code model}: a whole model. */
    record LeftOut(String what, String why, boolean model) { }

    final Needs needs;
    final List<Attempt> attempts = new ArrayList<>();
    final List<LeftOut> leftOut = new ArrayList<>();
    /** Whether a cached list was there to plan with (else the chain as given). */
    final boolean fromList;

    private RoutePlan(Needs needs, boolean fromList) {
        this.needs = needs;
        this.fromList = fromList;
    }

    /** The plan for {@code chain} (the model asked for, then its fallbacks) with the cached list {@code known}. */
    static RoutePlan of(List<ModelRef> chain, Needs needs, List<RouterModel> known, boolean reroute) {
        RoutePlan plan = new RoutePlan(needs, !known.isEmpty());
        for (int i = 0; i < chain.size(); i++) plan.model(chain.get(i), i == 0, known, reroute);
        return plan;
    }

    private void model(ModelRef ref, boolean first, List<RouterModel> known, boolean reroute) {
        RouterModel m = ref.in(known);
        if (m == null) {
            add(new Attempt(ref, fromList ? "not in the cached list: as given"
                    : "as given (no cached list to plan with)", false));
            return;
        }
        if (needs.images() > 0 && !m.input().isEmpty() && !m.input().contains("image")) {
            leftOut.add(new LeftOut(ref.routerId(), "it does not take images (its input: " + String.join(", ",
                    m.input()) + ")",
                    true));
            return;
        }
        List<RouterModel.Offer> capable = new ArrayList<>();
        int live = 0;
        for (RouterModel.Offer o : m.providers()) {
            String why = unfit(o);
            if (why == null) capable.add(o);
            else leftOut.add(new LeftOut(ref.id() + ":" + o.provider(), why, false));
            if (o.live()) live++;
        }
        if (ref.provider() != null && !reroute) {
            boolean fits = false;
            for (RouterModel.Offer o : capable) fits |= o.provider().equalsIgnoreCase(ref.provider());
            add(new Attempt(ref, "pinned" + (fits ? ""
                    : ", though the list says it cannot serve this (--reroute plans others)"),
                    true));
            return;
        }
        if (capable.isEmpty()) {
            if (first) {
                // Nothing listed says it can; the model asked for is asked as given all the same (the list may be
                // behind).
                add(new Attempt(ref, "as given: no live provider says it can serve " + needs.said(), false));
            } else {
                leftOut.add(new LeftOut(ref.routerId(), "no live provider can serve " + needs.said(), true));
            }
            return;
        }
        String policy = ref.provider() != null ? "fastest" : ref.suffix() == null ? "preferred" : ref.suffix();
        sort(capable, policy.equals("cheapest"));
        int added = 0;
        if (policy.equals("preferred") && capable.size() == live && !needs.structuredOutput() && !needs.tools()) {
            // With no suffix the router picks the fastest: that provider again, by name, would ask it twice.
            boolean likely = ref.suffix() == null && (live == 1 || capable.get(0).throughput() != null);
            String pick = likely ? " (" + capable.get(0).provider() + ", the fastest)" : "";
            add(new Attempt(ref, "the router's own pick" + pick, true));
            added++;
            if (likely) capable.remove(0);
        }
        for (RouterModel.Offer o : capable) {
            if (added == MOST_PER_MODEL) {
                leftOut.add(new LeftOut(ref.id() + ":" + o.provider(), "at most " + MOST_PER_MODEL
                        + " attempts a model", false));
                continue;
            }
            add(new Attempt(ref.withSuffix(o.provider()), why(policy, o), true));
            added++;
        }
    }

    /**
     * {@code offers} cheapest output first ({@code byPrice}) or fastest first, those without the figure last, in the
     * order listed. By hand, not with Comparator.comparing: the first method handle costs a chat run about 10 ms
     * (StartBench's hf-chat hi, 109 ms before the planner, 119 ms with a comparator).
     */
    private static void sort(List<RouterModel.Offer> offers, boolean byPrice) {
        for (int i = 1; i < offers.size(); i++) {
            RouterModel.Offer o = offers.get(i);
            int j = i;
            while (j > 0 && before(o, offers.get(j - 1), byPrice)) j--;
            offers.remove(i);
            offers.add(j, o);
        }
    }

    private static boolean before(RouterModel.Offer a, RouterModel.Offer b, boolean byPrice) {
        if (byPrice) return a.priceOut() != null && (b.priceOut() == null || a.priceOut().compareTo(b.priceOut()) < 0);
        return a.throughput() != null && (b.throughput() == null || a.throughput() > b.throughput());
    }

    /** Why {@code o} cannot serve the request, or null when it can. */
    private String unfit(RouterModel.Offer o) {
        if (!o.live()) return "status " + (o.status() == null ? "unknown" : o.status());
        if (needs.structuredOutput()
                && !Boolean.TRUE.equals(o.supportsStructuredOutput())) return "no structured output listed";
        if (needs.tools() && !Boolean.TRUE.equals(o.supportsTools())) return "no tool calls listed";
        if (o.contextLength() != null && needs.context() > o.contextLength()) {
            return "context " + o.contextLength() + " < about " + needs.context() + " tokens needed";
        }
        return null;
    }

    private static String why(String policy, RouterModel.Offer o) {
        return switch (policy) {
            case "cheapest" -> "cheapest capable" + (o.priceOut() == null ? " (no price listed)"
                    : " ($" + Figures.price(o.priceOut()) + " out per 1M)");
            default -> "fastest capable" + (o.throughput() == null ? " (no throughput listed)"
                    : " (" + Math.round(o.throughput()) + " tokens/s)");
        };
    }

    private void add(Attempt a) {
        for (Attempt there : attempts) if (there.ref().equals(a.ref())) return;
        attempts.add(a);
    }

    /**
     * Says on {@code err} what a user asking should know: a fallback left out and why (an image never goes to a
     * text-only model), and for --schema which provider is asked first, or that none says it can.
     */
    void tell(java.io.PrintStream err) {
        for (LeftOut l : leftOut) if (l.model()) Cli.say(err, "not falling back to " + l.what() + ": " + l.why());
        if (!needs.structuredOutput() || attempts.isEmpty()) return;
        Attempt first = attempts.get(0);
        if (first.planned() && first.ref().provider() != null && !first.why().startsWith("pinned")) {
            Cli.say(err, "--schema: asking " + first.ref().provider() + ", which serves structured output for "
                    + first.ref().id());
        } else if (first.why().startsWith("as given: no live provider")) {
            Cli.warn(err, "no live provider of " + first.ref().id()
                    + " says it serves structured output; asking it anyway");
        }
    }

    /** The plan as {@code chat --plan} prints it: the attempts in order, then what was left out and why. */
    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Needs: ").append(needs.said()).append(fromList ? "" : " (no cached model list: the chain as given)")
                .append('\n');
        int width = 0;
        for (Attempt a : attempts) width = Math.max(width, a.ref().routerId().length());
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            sb.append(String.format("%3d. %-" + width + "s  %s%n", i + 1, Printable.line(a.ref().routerId()), a.why()));
        }
        for (LeftOut l : leftOut) {
            sb.append("  left out: ").append(Printable.line(l.what())).append(": ").append(l.why()).append('\n');
        }
        return sb.toString();
    }

    /** The plan as {@code chat --plan --json} gives it. */
    JsonValue json() {
        List<JsonValue> tries = new ArrayList<>(), out = new ArrayList<>();
        for (Attempt a : attempts) tries.add(JsonValue.object("model", JsonValue.of(a.ref().routerId()), "why",
                JsonValue.of(a.why()),
                "planned", JsonValue.of(a.planned())));
        for (LeftOut l : leftOut) out.add(JsonValue.object("what", JsonValue.of(l.what()), "why", JsonValue.of(l.why()),
                "model", JsonValue.of(l.model())));
        return JsonValue.object("needs", JsonValue.object("structuredOutput", JsonValue.of(needs.structuredOutput()),
                        "tools", JsonValue.of(needs.tools()), "images", JsonValue.of(needs.images() > 0),
                        "promptTokens", JsonValue.of(needs.promptTokens()),
                        "maxTokens", needs.maxTokens() == null ? JsonValue.NULL : JsonValue.of(needs.maxTokens())),
                "fromList", JsonValue.of(fromList), "attempts", new JsonArray(tries), "leftOut", new JsonArray(out));
    }
}
