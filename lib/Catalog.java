import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in model catalog, {@code catalog.json}, shipped at the root of the script's jar
 * ({@code //FILES catalog.json=../catalog.json}) so that it works offline and from a URL.
 */
record Catalog(String updated, List<Model> models) {
    static final String RESOURCE = "/catalog.json";

    private static Catalog loaded;

    /** The built-in catalog, read from the jar once per run. */
    static synchronized Catalog builtIn() {
        if (loaded == null) loaded = read();
        return loaded;
    }

    private static Catalog read() {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return parse(bundled(), "catalog.json");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "catalog.json");
        } catch (IOException e) {
            throw new Cli.Failure("cannot read the built-in catalog: " + e.getMessage());
        }
    }

    /**
     * The catalog of a single-file bundle (dist/*.java, made by .ci/bundle.java): there, this class is
     * nested in the script's class, which carries the file as its constant {@code CATALOG_JSON}.
     */
    private static String bundled() {
        try {
            return (String) Catalog.class.getNestHost().getDeclaredField("CATALOG_JSON").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new Cli.Failure("the built-in catalog (catalog.json) is missing from this build");
        }
    }

    static Catalog parse(String text, String file) {
        try {
            JsonValue.JsonObject root = Json.parse(text).asObject();
            JsonValue updated = root.get("updated"), entries = root.get("models");
            if (updated == null || entries == null) throw new JsonException("needs \"updated\" and \"models\"");
            List<Model> models = new ArrayList<>();
            for (JsonValue m : entries.asArray().elements()) models.add(Model.fromJson(m));
            return new Catalog(updated.asString(), List.copyOf(models));
        } catch (JsonException e) {
            throw new Cli.Failure(e.inFile(file));
        }
    }
}
