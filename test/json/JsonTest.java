import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    static String error(String text) {
        return assertThrows(JsonException.class, () -> Json.parse(text)).getMessage();
    }

    @Test void readsEveryKindOfValue() {
        JsonValue v = Json.parse("{\"a\":[1,-2.5e3,\"x\",true,false,null],\"b\":{}}");
        assertEquals(JsonValue.object(
                "a", JsonValue.array(new JsonNumber("1"), new JsonNumber("-2.5e3"), JsonValue.of("x"),
                        JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL),
                "b", JsonValue.object()), v);
    }

    @Test void keepsKeyOrder() {
        assertEquals(List.of("z", "a", "m"),
                List.copyOf(Json.parse("{\"z\":1,\"a\":2,\"m\":3}").asObject().members().keySet()));
    }

    @Test void duplicateKeyKeepsFirstPlaceAndLastValue() {
        JsonObject o = Json.parse("{\"a\":1,\"b\":2,\"a\":3}").asObject();
        assertEquals(List.of("a", "b"), List.copyOf(o.members().keySet()));
        assertEquals("3", o.get("a").asNumber().text());
    }

    @Test void numbersKeepTheirSourceText() {
        assertEquals("1.50E+2", Json.parse("1.50E+2").asNumber().text());
        assertEquals(new BigDecimal("0.1000000000000000000000001"),
                Json.parse("0.1000000000000000000000001").asNumber().bigDecimalValue());
        assertEquals(9007199254740993L, Json.parse("9007199254740993").asNumber().longValue());
        assertEquals(-0.0, Json.parse("-0.0").asNumber().doubleValue());
    }

    @Test void decimalsAreExactWithTheirScale() {
        // The hand-read plain decimals must equal BigDecimal's own reading, scale included.
        for (String n : List.of("0.21", "1.50", "-0.0", "0", "12", "-3.25", "0.000001", "123456789012345678",
                "1234567890123456789", "1.5e3", "1E-7")) {
            assertEquals(new BigDecimal(n), Json.parse(n).asNumber().bigDecimalValue(), n);
        }
        for (String n : List.of(".5", "5.", "+1.25")) assertEquals(new BigDecimal(n),
                Json5.parse(n).asNumber().bigDecimalValue(), n);
        assertEquals(new BigDecimal(31), Json5.parse("0x1F").asNumber().bigDecimalValue());
    }

    @Test void wholeNumbersAreExactOnBothSidesOfTheHandReadPath() {
        // Up to 18 digits are read by hand, longer ones through BigDecimal: both must agree with Long.parseLong.
        for (String n : List.of("0", "-0", "7", "-42", "131072", "999999999999999999", "-999999999999999999",
                "1000000000000000000", "-9223372036854775808", "9223372036854775807")) {
            assertEquals(Long.parseLong(n), Json.parse(n).asNumber().longValue(), n);
        }
        assertEquals(131072L, Json5.parse("+131072").asNumber().longValue());
    }

    @Test void longValueRefusesFractions() {
        assertEquals("not a whole number that fits in a long: 1.5", assertThrows(JsonException.class,
                () -> Json.parse("1.5").asNumber().longValue()).getMessage());
    }

    @Test void decodesEscapes() {
        assertEquals("\"\\/\b\f\n\r\t\u00e9\ud83d\ude00",
                Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"").asString());
    }

    @Test void invalidCharacterNamesLineAndColumn() { assertEquals("invalid character 'x' at 3:5",
            error("{\n  \"a\": 1,\n    x\n}")); }

    @Test void endOfInput() { assertEquals("invalid end of input at 1:4", error("[1,")); }

    @Test void emptyInput() { assertEquals("invalid end of input at 1:1", error("")); }

    @Test void trailingCommaInArray() { assertEquals("invalid character ']' at 1:4", error("[1,]")); }

    @Test void trailingCommaInObject() { assertEquals("invalid character '}' at 1:8", error("{\"a\":1,}")); }

    @Test void missingComma() { assertEquals("invalid character '2' at 1:4", error("[1 2]")); }

    @Test void leadingZero() { assertEquals("invalid character '1' at 1:2", error("01")); }

    @Test void controlCharacterInString() { assertEquals("invalid character '\\n' at 1:3", error("\"a\nb\"")); }

    @Test void singleQuotesAreJson5Only() { assertEquals("invalid character '\\'' at 1:1", error("'a'")); }

    @Test void commentsAreJson5Only() { assertEquals("invalid character '/' at 1:1", error("// hi\n1")); }

    @Test void trailingGarbage() { assertEquals("invalid character 'x' at 1:6", error("true x")); }

    @Test void badEscape() { assertEquals("invalid character 'x' at 1:3", error("\"\\x41\"")); }

    @Test void columnsCountCodePointsNotUtf16Units() { assertEquals("invalid character 'x' at 1:5",
            error("[\"\ud83d\ude00\"x]")); }

    @Test void crlfCountsAsOneLine() { assertEquals("invalid character 'x' at 3:1", error("[\r\n1,\r\nx]")); }

    @Test void nestingLimitIsACleanError() {
        assertEquals("nesting deeper than 1000 at 1:1001", error("[".repeat(1001) + "]".repeat(1001)));
        assertEquals(1, Json.parse("[".repeat(1000) + "]".repeat(1000)).asArray().size() - 0);
    }

    @Test void deepNestingWithoutLimitNeverOverflowsTheStack() {
        assertEquals("nesting deeper than 1000 at 1:1001", error("[".repeat(200_000)));
    }

    @Test void accessorsSayWhatTheyFound() {
        assertEquals("not an object: the string \"x\"", assertThrows(JsonException.class,
                () -> Json.parse("\"x\"").asObject()).getMessage());
        assertEquals("not a string: an array", assertThrows(JsonException.class,
                () -> Json.parse("[]").asString()).getMessage());
        assertEquals("not an array: the number 1", assertThrows(JsonException.class,
                () -> Json.parse("1").asArray()).getMessage());
        assertEquals("not a boolean: null", assertThrows(JsonException.class,
                () -> Json.parse("null").asBoolean()).getMessage());
    }

    @Test void errorInAFile() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  x"));
        assertEquals("openclaw.json:2:3: invalid character 'x'", e.inFile("openclaw.json"));
    }

    @Test void valuesAreImmutable() {
        JsonArray a = Json.parse("[1]").asArray();
        assertThrows(UnsupportedOperationException.class, () -> a.elements().add(JsonValue.NULL));
    }
}
