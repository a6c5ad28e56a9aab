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
                 Boolean supportsTools, Boolean supportsStructuredOutput, JsonValue.JsonNumber latency, JsonValue.JsonNumber speed) {
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
        JsonValue data = answer instanceof JsonValue.JsonObject o ? o.get("data") : null;
        if (!(data instanceof JsonValue.JsonArray a)) throw new JsonException("no \"data\" list in the answer");
        List<RouterModel> models = new ArrayList<>();
        for (JsonValue entry : a.elements()) {
            if (entry instanceof JsonValue.JsonObject m && m.get("id") instanceof JsonValue.JsonString id) models.add(from(id.value(), m));
        }
        return models;
    }

    private static RouterModel from(String id, JsonValue.JsonObject m) {
        String name = null;
        for (String field : NAME_FIELDS) {
            if (name == null && m.get(field) instanceof JsonValue.JsonString s && !s.value().isBlank()) name = s.value();
        }
        List<String> input = new ArrayList<>();
        if (m.get("architecture") instanceof JsonValue.JsonObject arch && arch.get("input_modalities") instanceof JsonValue.JsonArray in) {
            for (JsonValue v : in.elements()) if (v instanceof JsonValue.JsonString s) input.add(s.value());
        }
        List<Offer> offers = new ArrayList<>();
        if (m.get("providers") instanceof JsonValue.JsonArray ps) {
            for (JsonValue p : ps.elements()) {
                if (p instanceof JsonValue.JsonObject o && o.get("provider") instanceof JsonValue.JsonString provider) {
                    JsonValue pricing = o.get("pricing");
                    offers.add(new Offer(provider.value(), text(o.get("status")), whole(o.get("context_length")),
                            decimal(pricing, "input"), decimal(pricing, "output"), flag(o.get("supports_tools")),
                            flag(o.get("supports_structured_output")), real(o.get("first_token_latency_ms")), real(o.get("throughput"))));
                }
            }
        }
        return new RouterModel(id, name, List.copyOf(input), List.copyOf(offers));
    }

    private static String text(JsonValue v) { return v instanceof JsonValue.JsonString s ? s.value() : null; }

    private static Boolean flag(JsonValue v) { return v instanceof JsonValue.JsonBoolean b ? b.value() : null; }

    private static Long whole(JsonValue v) {
        try {
            return v instanceof JsonValue.JsonNumber n ? n.longValue() : null;
        } catch (JsonException e) {
            return null;
        }
    }

    private static JsonValue.JsonNumber real(JsonValue v) { return v instanceof JsonValue.JsonNumber n && n.isFinite() ? n : null; }

    private static BigDecimal decimal(JsonValue pricing, String field) {
        if (pricing instanceof JsonValue.JsonObject p && p.get(field) instanceof JsonValue.JsonNumber n && n.isFinite()) return n.bigDecimalValue();
        return null;
    }
}
