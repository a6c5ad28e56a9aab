/** {@code null}: {@link JsonValue#NULL}. */
record JsonNull() implements JsonValue { }
