/** A string value. */
record JsonString(String value) implements JsonValue { }
