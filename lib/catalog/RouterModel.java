import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the router's {@code GET /v1/models}: the Hub id, a display name when the API gives one
 * ({@code name}, then {@code title}, then {@code display_name}), input modalities, and the providers that
 * serve it. Every provider field but {@code provider} may be missing: those are null here.
 */
record RouterModel(String id, String name, List<String> input, List<Offer> providers) {

    /**
     * One provider's offer for a model. Prices are USD per million tokens. Latency and throughput stay
     * as the router wrote them until asked for: only {@code models show} and {@code :fastest} need them,
     * and reading a thousand doubles is a fifth of a cold {@code models list}.
     */
    record Offer(String provider, String status, Long contextLength, BigDecimal priceIn, BigDecimal priceOut,
                 Boolean supportsTools, Boolean supportsStructuredOutput, JsonNumber latency, JsonNumber speed) {
        boolean live() { return "live".equals(status); }

        /** Milliseconds to the first token, or null when not listed. */
        Double firstTokenLatencyMs() { return latency == null ? null : latency.doubleValue(); }

        /** Tokens per second, or null when not listed. */
        Double throughput() { return speed == null ? null : speed.doubleValue(); }
    }

    /** Where the API may put a display name, first found wins. */
    private static final List<String> NAME_FIELDS = List.of("name", "title", "display_name");

    /** The {@code data} array of a {@code /v1/models} answer; entries without an id are skipped. */
    static List<RouterModel> listFrom(JsonValue answer) {
        JsonArray data = answer instanceof JsonObject o ? o.array("data") : null;
        if (data == null) throw new JsonException("no \"data\" list in the answer");
        List<RouterModel> models = new ArrayList<>();
        for (JsonObject m : data.objects()) {
            String id = m.string("id");
            if (id != null) models.add(from(id, m));
        }
        return models;
    }

    private static RouterModel from(String id, JsonObject m) {
        String name = null;
        for (String field : NAME_FIELDS) {
            String s = m.string(field);
            if (name == null && s != null && !s.isBlank()) name = s;
        }
        JsonObject arch = m.object("architecture");
        List<String> input = arch == null ? List.of() : List.copyOf(arch.strings("input_modalities"));
        List<Offer> offers = new ArrayList<>();
        JsonArray ps = m.array("providers");
        if (ps != null) {
            for (JsonObject o : ps.objects()) {
                String provider = o.string("provider");
                if (provider == null) continue;
                JsonObject pricing = o.object("pricing");
                offers.add(new Offer(provider, o.string("status"), o.wholeOrNull("context_length"),
                        pricing == null ? null : pricing.decimal("input"), pricing == null ? null
                                : pricing.decimal("output"),
                        o.bool("supports_tools"), o.bool("supports_structured_output"),
                                o.number("first_token_latency_ms"), o.number("throughput")));
            }
        }
        return new RouterModel(id, name, input, List.copyOf(offers));
    }
}
