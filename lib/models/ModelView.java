import java.util.ArrayList;
import java.util.List;

/**
 * One model in full, for {@code models show}: its facts, a row per provider, which provider
 * {@code :cheapest} and {@code :fastest} would pick, and refs ready to copy.
 */
final class ModelView {
    private ModelView() { }

    static List<String> refs(Model m) {
        ModelRef bare = new ModelRef(m.id(), null);
        List<String> refs = new ArrayList<>(List.of(bare.ref(), bare.withSuffix("cheapest").ref(),
                bare.withSuffix("fastest").ref()));
        for (RouterModel.Offer o : m.providers()) if (o.live()) refs.add(bare.withSuffix(o.provider()).ref());
        return refs;
    }

    static String text(Model m, ModelTable.Marks marks, Discovery.Result found, Term term) {
        StringBuilder sb = new StringBuilder();
        sb.append(term.bold(Printable.line(m.name()))).append("  ").append(Printable.line(m.ref())).append('\n');
        line(sb, "Context", Figures.tokens(m.contextWindow()) + " tokens, up to " + m.maxTokens() + " out");
        line(sb, "Price", m.costOutput() == null ? "unknown" : "$" + Figures.price(m.costInput()) + " in / $"
                + Figures.price(m.costOutput()) + " out per 1M tokens");
        line(sb, "Input", Printable.line(String.join(", ", m.input())));
        line(sb, "Tags", Printable.line(String.join(" ", ModelTable.tags(m, marks))));
        if (m.providers().isEmpty()) {
            sb.append('\n').append(found.live() == null
                    ? "Providers: unknown (built-in catalog; run without --offline to ask the router)\n"
                            : "Providers: none listed\n");
        } else {
            sb.append('\n');
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"PROVIDER", "STATUS", "CTX", "IN $/M", "OUT $/M", "TOOLS", "JSON", "LATENCY",
                    "TOK/S"});
            for (RouterModel.Offer o : m.providers()) {
                rows.add(new String[] {Printable.line(o.provider()), Printable.line(or(o.status())),
                        o.contextLength() == null ? "-" : Figures.tokens(o.contextLength()),
                        Figures.price(o.priceIn()), Figures.price(o.priceOut()), yesNo(o.supportsTools()),
                                yesNo(o.supportsStructuredOutput()),
                        o.firstTokenLatencyMs() == null ? "-" : Math.round(o.firstTokenLatencyMs()) + " ms",
                        o.throughput() == null ? "-" : Long.toString(Math.round(o.throughput()))});
            }
            for (String line : ModelTable.columns(rows, ModelTable.widths(rows), 2,
                    Integer.MAX_VALUE)) sb.append(line).append('\n');
            RouterModel.Offer cheapest = ProviderPolicy.CHEAPEST.pick(m.providers()),
                    fastest = ProviderPolicy.FASTEST.pick(m.providers());
            sb.append('\n');
            line(sb, ":cheapest", cheapest == null ? "no live price listed" : Printable.line(cheapest.provider())
                    + " ($" + Figures.price(cheapest.priceOut()) + " out per 1M) \u2014 estimate");
            line(sb, ":fastest", fastest == null ? "no live throughput listed" : Printable.line(fastest.provider())
                    + " (" + Math.round(fastest.throughput()) + " tokens/s) \u2014 estimate");
            OpenClawFacts facts = OpenClawFacts.of(m);
            List<String> differ = facts == null ? List.of() : facts.differences(m);
            for (int i = 0; i < differ.size(); i++) line(sb, i == 0 ? "OpenClaw" : "", differ.get(i));
        }
        sb.append("\nRefs:\n");
        for (String ref : refs(m)) sb.append("  ").append(Printable.line(ref)).append('\n');
        return sb.toString();
    }

    /**
     * A model as {@code --json} gives it, the one shape both commands print: {@code models list}'s entries, and
     * with {@code detail} {@code models show}'s answer, which adds the estimated picks and every ref it takes.
     */
    static JsonValue json(Model m, ModelTable.Marks marks, boolean detail) {
        List<JsonValue> providers = new ArrayList<>();
        for (RouterModel.Offer o : m.providers()) providers.add(ModelTable.offer(o));
        String alias = ModelTable.alias(m, marks);
        List<Object> fields = new ArrayList<>(List.of(
                "ref", JsonValue.of(m.ref()),
                "id", JsonValue.of(m.id()),
                "name", JsonValue.of(m.name()),
                "alias", alias == null ? JsonValue.NULL : JsonValue.of(alias),
                "contextWindow", JsonValue.of(m.contextWindow()),
                "maxTokens", JsonValue.of(m.maxTokens()),
                "reasoning", JsonValue.of(m.reasoning()),
                "input", JsonArray.ofStrings(m.input()),
                "cost", JsonValue.object("input", JsonValue.orNull(m.costInput()), "output",
                        JsonValue.orNull(m.costOutput())),
                "tags", JsonArray.ofStrings(ModelTable.tags(m, marks)),
                "providers", new JsonArray(providers)));
        if (detail) {
            RouterModel.Offer cheapest = ProviderPolicy.CHEAPEST.pick(m.providers()),
                    fastest = ProviderPolicy.FASTEST.pick(m.providers());
            fields.addAll(List.of("estimatedPicks", JsonValue.object(
                            "cheapest", cheapest == null ? JsonValue.NULL : JsonValue.of(cheapest.provider()),
                            "fastest", fastest == null ? JsonValue.NULL : JsonValue.of(fastest.provider())),
                    "refs", JsonArray.ofStrings(refs(m))));
        }
        fields.addAll(List.of("openclaw", ModelTable.openClaw(m)));
        return JsonValue.object(fields.toArray());
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format("%-10s ", label.isEmpty() ? "" : label + ":")).append(value).append('\n');
    }

    private static String or(String s) { return s == null ? "-" : s; }

    private static String yesNo(Boolean b) { return b == null ? "-" : b ? "yes" : "no"; }
}
