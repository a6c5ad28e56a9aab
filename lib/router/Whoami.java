import java.util.List;

/**
 * What {@code GET /api/whoami-v2} says about a token: the account, and whether the token may call
 * Inference Providers. Read and write tokens may; a fine-grained one needs
 * {@code inference.serverless.write}, given globally or in the scoped entry of the user's own account.
 * {@code billable}: the organizations inference may be billed to (X-HF-Bill-To), as the answer says: those with
 * {@code canPay}, and for a fine-grained token only those its scoped entries give the permission for.
 * {@code billing}: what the answer says about paying, for explaining a 402.
 */
record Whoami(String name, boolean canCallInference, List<String> billable, Billing billing) {
    /**
     * The account's {@code canPay} (a payment method: use past the included credits is billed), {@code billingMode}
     * ({@code prepaid}, or null), {@code periodEnd} (when the included credits renew, epoch seconds; or null), and the
     * organizations the account is in, each with its own {@code canPay}.
     */
    record Billing(boolean canPay, String mode, Long periodEnd, java.util.Map<String, Boolean> orgs) { }

    static final String PERMISSION = "inference.serverless.write";
    /** Where to make a token that has the permission (what the spec links to). */
    static final String NEW_TOKEN_URL = "https://huggingface.co/settings/tokens/new"
            + "?ownUserPermissions=inference.serverless.write&tokenType=fineGrained";

    /** The account name as it may be printed (it comes from the Hub: control characters escaped). */
    String shownName() { return Printable.line(name); }

    static Whoami of(JsonValue answer) {
        JsonObject o = answer.asObject();
        String name = o.stringOr("name", "?");
        JsonObject token = o.objectAt(List.of("auth", "accessToken"));
        List<String> paying = new java.util.ArrayList<>();
        java.util.Map<String, Boolean> member = new java.util.LinkedHashMap<>();
        JsonArray orgs = o.array("orgs");
        for (JsonObject org : orgs == null ? List.<JsonObject>of() : orgs.objects()) {
            if (org.string("name") == null) continue;
            member.put(org.string("name"), org.boolOr("canPay", false));
            if (org.boolOr("canPay", false)) paying.add(org.string("name"));
        }
        JsonValue end = o.get("periodEnd");
        Billing billing = new Billing(o.boolOr("canPay", false), o.string("billingMode"),
                end instanceof JsonNumber n && n.text().matches("\\d{1,12}") ? Long.valueOf(n.text()) : null,
                java.util.Collections.unmodifiableMap(member));
        if (token == null || !"fineGrained".equals(token.string("role"))) return new Whoami(name, true,
                List.copyOf(paying), billing);
        JsonObject fineGrained = token.object("fineGrained");
        if (fineGrained == null) return new Whoami(name, false, List.of(), billing);
        List<String> billable = new java.util.ArrayList<>();
        boolean can = fineGrained.strings("global").contains(PERMISSION);
        JsonArray scoped = fineGrained.array("scoped");
        for (JsonObject entry : scoped == null ? List.<JsonObject>of() : scoped.objects()) {
            JsonObject entity = entry.object("entity");
            boolean own = entity != null && name.equals(entity.string("name")) && "user".equals(entity.string("type"));
            if (own && entry.strings("permissions").contains(PERMISSION)) can = true;
            boolean org = entity != null && "org".equals(entity.string("type"))
                    && paying.contains(entity.string("name"));
            if (org && entry.strings("permissions").contains(PERMISSION)) billable.add(entity.string("name"));
        }
        return new Whoami(name, can, List.copyOf(billable), billing);
    }
}
