/**
 * Separates reasoning written inline as {@code <think>...</think>} from the answer text, across chunk
 * boundaries (a tag may arrive split over two chunks: the unsure tail is held back until the next
 * chunk decides it). The blank lines models put right after {@code </think>} are dropped.
 */
final class ThinkSplitter {
    private static final String OPEN = "<think>", CLOSE = "</think>";

    /** Where the pieces go. */
    interface Sink {
        void content(String text);

        void reasoning(String text);
    }

    private final Sink sink;
    private final StringBuilder pending = new StringBuilder();
    private boolean inThink;
    private boolean afterThink;

    ThinkSplitter(Sink sink) { this.sink = sink; }

    void feed(String text) {
        pending.append(text);
        while (pending.length() > 0) {
            String tag = inThink ? CLOSE : OPEN;
            int at = pending.indexOf(tag);
            if (at >= 0) {
                emit(pending.substring(0, at));
                pending.delete(0, at + tag.length());
                afterThink = inThink;
                inThink = !inThink;
                continue;
            }
            int keep = partialTagAtEnd(tag);
            emit(pending.substring(0, pending.length() - keep));
            pending.delete(0, pending.length() - keep);
            return;
        }
    }

    /** At the end of the answer: whatever was held back is text after all. */
    void finish() {
        emit(pending.toString());
        pending.setLength(0);
    }

    private void emit(String text) {
        if (inThink) {
            if (!text.isEmpty()) sink.reasoning(text);
            return;
        }
        if (afterThink) {
            int i = 0;
            while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) i++;
            text = text.substring(i);
            if (!text.isEmpty()) afterThink = false;
        }
        if (!text.isEmpty()) sink.content(text);
    }

    /** How many characters at the end of {@code pending} could be the start of {@code tag}. */
    private int partialTagAtEnd(String tag) {
        for (int n = Math.min(tag.length() - 1, pending.length()); n > 0; n--) {
            if (pending.substring(pending.length() - n).equals(tag.substring(0, n))) return n;
        }
        return 0;
    }
}
