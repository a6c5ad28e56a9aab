/**
 * Server-sent events, the part of the format the router uses: {@code data:} lines (joined with a
 * newline when an event has several), dispatched by a blank line; comments ({@code :...}) and other
 * fields ({@code event:}, {@code id:}, {@code retry:}) are skipped. Fed one line at a time, without
 * its line end, so that it works on whatever delivers lines.
 */
final class Sse {
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /** Takes one line; returns the event's data when this line ends an event, else null. */
    String line(String line) {
        if (line.isEmpty()) return dispatch();
        if (line.charAt(0) == ':') return null;
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        if (!field.equals("data")) return null;
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) value = value.substring(1);
        if (hasData) data.append('\n');
        data.append(value);
        hasData = true;
        return null;
    }

    /** At the end of the stream: the data of a last event that no blank line closed, or null. */
    String end() { return dispatch(); }

    private String dispatch() {
        if (!hasData) return null;
        String event = data.toString();
        data.setLength(0);
        hasData = false;
        return event;
    }
}
