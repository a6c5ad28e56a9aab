import java.util.ArrayList;
import java.util.List;

/**
 * How {@link ModelTable#table} makes a table fit the terminal: one step at a time, in the order a user choosing a
 * model would give things up (price and context last), until every line fits; what gave way is said under it.
 */
final class Fit {
    private Fit() { }

    /** The most a PROVIDERS cell takes once cut: a few names and a count of the rest. */
    static final int PROVIDERS_CUT = 22;
    /** The least a ref is cut to (its start says which model it is), and the most a ref takes while others give way. */
    static final int MODEL_LEAST = 24, MODEL_MOST = 44;
    /** The least NAME narrows to before it goes. */
    static final int NAME_LEAST = 12;

    /**
     * Fits {@code rows} (their {@code width}s; a dropped column's becomes -1) into {@code terminal} columns (0: no
     * limit); returns what gave way, said for a user ({@code NAME and PROVIDERS left out, refs without huggingface/}),
     * or null when nothing did.
     */
    static String fit(List<String[]> rows, List<List<String>> tags, int[] width, int terminal) {
        if (terminal <= 0 || fits(width, terminal)) return null;
        List<String> said = new ArrayList<>(), left = new ArrayList<>();
        boolean providersCut = width[ModelTable.PROVIDERS] > PROVIDERS_CUT;
        if (providersCut) {
            for (int r = 1; r < rows.size(); r++) {
                rows.get(r)[ModelTable.PROVIDERS] = cutList(rows.get(r)[ModelTable.PROVIDERS]);
            }
            width[ModelTable.PROVIDERS] = ModelTable.widths(rows)[ModelTable.PROVIDERS];
        }
        if (fits(width, terminal)) return said(left, said, providersCut);
        width[ModelTable.NAME] = Math.min(width[ModelTable.NAME], Math.max(NAME_LEAST, width[ModelTable.NAME]
                - (ModelTable.total(width) - terminal)));
        if (fits(width, terminal)) return said(left, said, providersCut);
        // One model with a long id must not cost every row its columns.
        if (width[ModelTable.MODEL] > MODEL_MOST) {
            width[ModelTable.MODEL] = MODEL_MOST;
            said.add("long refs cut");
        }
        if (fits(width, terminal)) return said(left, said, providersCut);
        essentialTagsOnly(rows, tags, width);
        said.add("only the config's tags");
        for (int column : new int[] {ModelTable.NAME, ModelTable.PROVIDERS}) {
            if (fits(width, terminal)) return said(left, said, providersCut);
            width[column] = -1;
            left.add(rows.get(0)[column]);
        }
        if (fits(width, terminal)) return said(left, said, providersCut);
        // The prefix every ref shares says nothing: shown without it, the table keeps the figures.
        for (int r = 1; r < rows.size(); r++) {
            String ref = rows.get(r)[ModelTable.MODEL];
            if (ref.startsWith(ModelRef.PREFIX)) {
                rows.get(r)[ModelTable.MODEL] = ref.substring(ModelRef.PREFIX.length());
            }
        }
        width[ModelTable.MODEL] = Math.min(width[ModelTable.MODEL], ModelTable.widths(rows)[ModelTable.MODEL]);
        said.add("refs without " + ModelRef.PREFIX);
        if (fits(width, terminal)) return said(left, said, providersCut);
        // Then the refs give way, down to MODEL_LEAST, and the tags wrap under their column, one a line at least.
        int tagsLeast = "TAGS".length();
        for (List<String> t : tags.subList(1, tags.size())) for (String tag : t) tagsLeast = Math.max(tagsLeast,
                tag.length());
        int others = ModelTable.total(width) - width[ModelTable.MODEL] - width[ModelTable.TAGS];
        int room = terminal - others - tagsLeast;
        if (room < width[ModelTable.MODEL]) {
            width[ModelTable.MODEL] = Math.max(MODEL_LEAST, room);
            if (!said.contains("long refs cut")) said.add("long refs cut");
        }
        width[ModelTable.TAGS] = Math.max(tagsLeast, Math.min(width[ModelTable.TAGS], terminal - (others
                + width[ModelTable.MODEL])));
        for (int column : new int[] {ModelTable.OUT, ModelTable.IN, ModelTable.CTX}) {
            if (fits(width, terminal)) break;
            width[column] = -1;
            left.add(rows.get(0)[column]);
        }
        return said(left, said, providersCut);
    }

    /** What gave way, said for a user; null when nothing did. A cut PROVIDERS column is said only while it is shown. */
    private static String said(List<String> left, List<String> said, boolean providersCut) {
        List<String> all = new ArrayList<>();
        if (!left.isEmpty()) all.add(String.join(" and ", left) + " left out");
        if (providersCut && !left.contains("PROVIDERS")) all.add("providers cut to the first few");
        all.addAll(said);
        return all.isEmpty() ? null : String.join(", ", all);
    }

    private static boolean fits(int[] width, int terminal) { return ModelTable.total(width) <= terminal; }

    /** {@code groq,novita,together,nebius} as {@code groq,novita,+2}: whole names while they fit, then the count. */
    static String cutList(String providers) {
        if (providers.length() <= PROVIDERS_CUT) return providers;
        String[] names = providers.split(",");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            String rest = ",+" + (names.length - i);
            if (sb.length() + (sb.length() > 0 ? 1 : 0) + names[i].length() + rest.length() > PROVIDERS_CUT) {
                if (sb.length() > 0) return sb + rest;
                String others = ",+" + (names.length - 1);   // one name too long alone: its start, and the others
                return names[0].substring(0, Math.min(names[0].length(), PROVIDERS_CUT - others.length())) + others;
            }
            if (sb.length() > 0) sb.append(',');
            sb.append(names[i]);
        }
        return sb.toString();
    }

    /** The tags that say how the config uses a model stay; the descriptive ones go. */
    private static void essentialTagsOnly(List<String[]> rows, List<List<String>> tags, int[] width) {
        width[ModelTable.TAGS] = "TAGS".length();
        for (int r = 1; r < rows.size(); r++) {
            List<String> kept = new ArrayList<>();
            for (String t : tags.get(r)) {
                if (t.equals("default") || t.startsWith("fallback#") || t.startsWith("alias:")
                        || t.equals("unlisted")) kept.add(t);
            }
            tags.set(r, kept);
            rows.get(r)[ModelTable.TAGS] = ModelTable.joined(kept);
            width[ModelTable.TAGS] = Math.max(width[ModelTable.TAGS], rows.get(r)[ModelTable.TAGS].length());
        }
    }
}
