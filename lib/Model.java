import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat model as the toolkit knows it, in the shape of an entry of OpenClaw's
 * {@code models.providers.huggingface.models[]} (ids are Hub repo ids, never with a suffix).
 * Costs are USD per million tokens; null when unknown.
 */
record Model(String id, String name, boolean reasoning, List<String> input, long contextWindow, long maxTokens,
             BigDecimal costInput, BigDecimal costOutput) {

    /** The OpenClaw ref: {@code huggingface/<org>/<model>}. */
    String ref() { return "huggingface/" + id; }

    boolean vision() { return input.contains("image"); }

    /** Reads one catalog entry; fails naming the entry and the field that is wrong. */
    static Model fromJson(JsonValue value) {
        JsonValue.JsonObject o = value.asObject();
        String id = require(o, "id", "?").asString();
        List<String> input = new ArrayList<>();
        JsonValue modalities = o.get("input");
        if (modalities != null) for (JsonValue m : modalities.asArray().elements()) input.add(m.asString());
        if (input.isEmpty()) input.add("text");
        JsonValue cost = o.get("cost");
        return new Model(id,
                o.get("name") == null ? id : o.get("name").asString(),
                o.get("reasoning") != null && o.get("reasoning").asBoolean(),
                List.copyOf(input),
                require(o, "contextWindow", id).asNumber().longValue(),
                require(o, "maxTokens", id).asNumber().longValue(),
                price(cost, "input"),
                price(cost, "output"));
    }

    private static JsonValue require(JsonValue.JsonObject o, String field, String id) {
        JsonValue v = o.get(field);
        if (v == null) throw new JsonException("model " + id + " has no " + field);
        return v;
    }

    private static BigDecimal price(JsonValue cost, String field) {
        if (cost == null || cost.asObject().get(field) == null) return null;
        return cost.asObject().get(field).asNumber().bigDecimalValue();
    }
}
