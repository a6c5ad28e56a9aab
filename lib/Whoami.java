import java.util.List;

/**
 * What {@code GET /api/whoami-v2} says about a token: the account, and whether the token may call
 * Inference Providers. Read and write tokens may; a fine-grained one needs
 * {@code inference.serverless.write}, given globally or in the scoped entry of the user's own account.
 */
record Whoami(String name, String role, boolean canCallInference) {
    static final String PERMISSION = "inference.serverless.write";
    /** Where to make a token that has the permission (what the spec links to). */
    static final String NEW_TOKEN_URL = "https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained";

    static Whoami of(JsonValue answer) {
        JsonValue.JsonObject o = answer.asObject();
        String name = o.get("name") instanceof JsonValue.JsonString s ? s.value() : "?";
        JsonValue token = ConfigFile.at(o, List.of("auth", "accessToken"));
        String role = text(ConfigFile.at(token, List.of("role")));
        if (!"fineGrained".equals(role)) return new Whoami(name, role, true);
        boolean can = contains(ConfigFile.at(token, List.of("fineGrained", "global")));
        if (ConfigFile.at(token, List.of("fineGrained", "scoped")) instanceof JsonValue.JsonArray scoped) {
            for (JsonValue entry : scoped.elements()) {
                boolean own = name.equals(text(ConfigFile.at(entry, List.of("entity", "name")))) && "user".equals(text(ConfigFile.at(entry, List.of("entity", "type"))));
                if (own && contains(ConfigFile.at(entry, List.of("permissions")))) can = true;
            }
        }
        return new Whoami(name, role, can);
    }

    private static String text(JsonValue v) { return v instanceof JsonValue.JsonString s ? s.value() : null; }

    private static boolean contains(JsonValue permissions) {
        return permissions instanceof JsonValue.JsonArray a && a.elements().contains(JsonValue.of(PERMISSION));
    }
}
