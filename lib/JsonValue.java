import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value: what {@link Json#parse} and {@link Json5#parse} return and {@link JsonWriter} writes.
 * Objects keep their key order; numbers keep their source text and convert only when asked, so nothing
 * is rounded on the way through. The {@code as*} accessors fail loudly with what was found instead.
 */
sealed interface JsonValue {

    /** The map becomes the value's: the caller hands it over and does not change it afterwards. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        @Override
        public Map<String, JsonValue> members() { return Collections.unmodifiableMap(members); }

        /** The member's value, or null when there is no such member. */
        public JsonValue get(String key) { return members.get(key); }
    }

    /** The list becomes the value's: the caller hands it over and does not change it afterwards. */
    record JsonArray(List<JsonValue> elements) implements JsonValue {
        @Override
        public List<JsonValue> elements() { return Collections.unmodifiableList(elements); }

        public JsonValue get(int index) { return elements.get(index); }

        public int size() { return elements.size(); }
    }

    record JsonString(String value) implements JsonValue { }

    /** A number as written: JSON's grammar, or JSON5's (hex, leading '+', '.5', '5.', Infinity, NaN). */
    record JsonNumber(String text) implements JsonValue {
        /** The exact integer value; fails for fractions, non-finite numbers and values outside long. */
        public long longValue() {
            // Plain decimal integers (nearly every number a router sends) skip BigDecimal.
            int n = text.length(), i = text.startsWith("-") ? 1 : 0;
            if (n > i && n - i <= 18) {
                long value = 0;
                char c;
                while (i < n && (c = text.charAt(i)) >= '0' && c <= '9') {
                    value = value * 10 + (c - '0');
                    i++;
                }
                if (i == n) return text.charAt(0) == '-' ? -value : value;
            }
            try {
                return bigDecimalValue().longValueExact();
            } catch (ArithmeticException e) {
                throw new JsonException("not a whole number that fits in a long: " + text);
            }
        }

        public double doubleValue() {
            String t = unsigned();
            double magnitude;
            if (t.equals("Infinity")) magnitude = Double.POSITIVE_INFINITY;
            else if (t.equals("NaN")) magnitude = Double.NaN;
            else if (isHex(t)) magnitude = new BigInteger(t.substring(2), 16).doubleValue();
            else magnitude = Double.parseDouble(t);
            return text.startsWith("-") ? -magnitude : magnitude;
        }

        /** The exact value; fails for Infinity and NaN, which have none. */
        public BigDecimal bigDecimalValue() {
            BigDecimal plain = plainDecimal();
            if (plain != null) return plain;
            String t = unsigned();
            if (t.equals("Infinity") || t.equals("NaN")) throw new JsonException("not a finite number: " + text);
            BigDecimal magnitude = isHex(t) ? new BigDecimal(new BigInteger(t.substring(2), 16)) : new BigDecimal(t);
            return text.startsWith("-") ? magnitude.negate() : magnitude;
        }

        /**
         * A plain decimal ({@code -12.50}: no exponent, at most 18 digits) read by hand, else null.
         * Prices are such numbers, and BigDecimal's string constructor is a large method that a cold
         * start would interpret and then compile for each of the few hundred prices of a model list.
         */
        private BigDecimal plainDecimal() {
            int n = text.length(), i = text.startsWith("-") ? 1 : 0, digits = 0, scale = -1;
            long unscaled = 0;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c == '.' && scale < 0) {
                    scale = 0;
                } else if (c >= '0' && c <= '9' && ++digits <= 18) {
                    unscaled = unscaled * 10 + (c - '0');
                    if (scale >= 0) scale++;
                } else {
                    return null;
                }
            }
            if (digits == 0 || scale == 0) return null;
            return BigDecimal.valueOf(text.startsWith("-") ? -unscaled : unscaled, Math.max(scale, 0));
        }

        public boolean isFinite() {
            String t = unsigned();
            return !t.equals("Infinity") && !t.equals("NaN");
        }

        private String unsigned() {
            return text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        }

        private static boolean isHex(String t) {
            return t.length() > 1 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X');
        }
    }

    record JsonBoolean(boolean value) implements JsonValue { }

    record JsonNull() implements JsonValue { }

    JsonBoolean TRUE = new JsonBoolean(true);
    JsonBoolean FALSE = new JsonBoolean(false);
    JsonNull NULL = new JsonNull();

    static JsonString of(String value) { return new JsonString(value); }

    static JsonNumber of(long value) { return new JsonNumber(Long.toString(value)); }

    static JsonNumber of(BigDecimal value) { return new JsonNumber(value.toPlainString()); }

    static JsonBoolean of(boolean value) { return value ? TRUE : FALSE; }

    /** An object from alternating keys and values: {@code object("id", of("x"), "n", of(2))}. */
    static JsonObject object(Object... keysAndValues) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            members.put((String) keysAndValues[i], (JsonValue) keysAndValues[i + 1]);
        }
        return new JsonObject(members);
    }

    static JsonArray array(JsonValue... elements) { return new JsonArray(List.of(elements)); }

    default JsonObject asObject() {
        if (this instanceof JsonObject o) return o;
        throw new JsonException("not an object: " + describe());
    }

    default JsonArray asArray() {
        if (this instanceof JsonArray a) return a;
        throw new JsonException("not an array: " + describe());
    }

    default String asString() {
        if (this instanceof JsonString s) return s.value();
        throw new JsonException("not a string: " + describe());
    }

    default JsonNumber asNumber() {
        if (this instanceof JsonNumber n) return n;
        throw new JsonException("not a number: " + describe());
    }

    default boolean asBoolean() {
        if (this instanceof JsonBoolean b) return b.value();
        throw new JsonException("not a boolean: " + describe());
    }

    default boolean isNull() { return this instanceof JsonNull; }

    /** What a person would call this value in an error message: {@code an array}, {@code the string "x"}. */
    default String describe() {
        if (this instanceof JsonObject) return "an object";
        if (this instanceof JsonArray) return "an array";
        if (this instanceof JsonString s) return "the string " + JsonWriter.quote(s.value());
        if (this instanceof JsonNumber n) return "the number " + n.text();
        if (this instanceof JsonBoolean b) return "the boolean " + b.value();
        return "null";
    }
}
