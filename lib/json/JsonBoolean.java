/** {@code true} or {@code false}: {@link JsonValue#TRUE} and {@link JsonValue#FALSE}. */
record JsonBoolean(boolean value) implements JsonValue { }
