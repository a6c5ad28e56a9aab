import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One command's options, said once: what parsing accepts ({@link #take}), what a typo is matched against, which
 * go one at a time ({@link #requireAtMostOne}, one wording), and the lines its help lists ({@link #help}). An option
 * that is not in the table cannot be parsed, so none can be missing from {@code --help}.
 */
final class Options {
    /**
     * {@code -m, --model MODEL the model to ask}: a long name, an optional short one, the value it takes (or null).
     */
    record Option(String name, String shortName, String value, String help) { }

    private final List<Option> options = new ArrayList<>();
    private final List<List<String>> exclusive = new ArrayList<>();

    /** A flag or an option taking a value; {@code shortName} and {@code value} may be null. */
    Options add(String name, String shortName, String value, String help) {
        options.add(new Option(name, shortName, value, help));
        return this;
    }

    /** Options of which at most one may be given. */
    Options oneOf(String... names) {
        exclusive.add(List.of(names));
        return this;
    }

    List<Option> all() { return List.copyOf(options); }

    /** A table of some of these options (a verb that takes fewer), with the one-at-a-time groups they fill. */
    Options only(String... names) {
        Options some = new Options();
        List<String> wanted = List.of(names);
        for (Option o : options) if (wanted.contains(o.name())) some.options.add(o);
        for (List<String> group : exclusive) if (wanted.containsAll(group)) some.exclusive.add(group);
        return some;
    }

    /** The long name {@code arg} stands for (its long or short form), else a usage error with the nearest of these. */
    String take(CommandLine cli, String arg) {
        for (Option o : options) if (o.name().equals(arg) || arg.equals(o.shortName())) return o.name();
        List<String> names = new ArrayList<>();
        for (Option o : options) names.add(o.name());
        throw cli.unknown(arg, names.toArray(new String[0]));
    }

    /**
     * Refuses two options of one {@link #oneOf} group, in one wording: {@code --offline and --refresh cannot be used
     * together}.
     */
    void requireAtMostOne(Set<String> given) {
        for (List<String> group : exclusive) {
            List<String> both = new ArrayList<>();
            for (String name : group) if (given.contains(name)) both.add(name);
            if (both.size() > 1) throw new Cli.UsageException(both.get(0) + " and " + both.get(1)
                    + " cannot be used together");
        }
    }

    /** The help lines, one option each, the texts aligned after the widest {@code -s, --name VALUE}. */
    String help() {
        int width = 0;
        for (Option o : options) width = Math.max(width, label(o).length());
        StringBuilder sb = new StringBuilder();
        for (Option o : options) {
            String[] lines = o.help().split("\n");
            sb.append("  ").append(String.format("%-" + width + "s",
                    label(o))).append("  ").append(lines[0]).append('\n');
            for (int i = 1; i < lines.length; i++) sb.append(" ".repeat(width + 4)).append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    private static String label(Option o) {
        return (o.shortName() == null ? "" : o.shortName() + ", ") + o.name() + (o.value() == null ? "" : " "
                + o.value());
    }
}
