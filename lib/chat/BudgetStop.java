import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a 402 stopped a question, in what {@code whoami-v2} says of who pays: the account's (or the billed
 * organization's) {@code canPay}, whether this token may bill that organization, and when the included credits
 * renew ({@code periodEnd}); then where to top up. A 402 ends the chain: every model bills the same account, so a
 * fallback would be refused too (and, were it not, would spend where the user did not choose to).
 */
final class BudgetStop {
    private BudgetStop() { }

    static final String BILLING = "https://huggingface.co/settings/billing";

    /** The lines that follow the 402's own: what whoami says, or why it could not be asked. */
    static List<String> explain(TokenCheck check, BillTo billTo) {
        Whoami who = check.who();
        if (who == null) return List.of("whoami-v2 could not say more: " + check.problem());
        Whoami.Billing b = who.billing();
        List<String> lines = new ArrayList<>();
        if (billTo == null) {
            String renews = b.periodEnd() == null ? "" : "; the included credits renew on "
                    + UtcTime.format(Instant.ofEpochSecond(b.periodEnd())).substring(0, 10);
            lines.add(b.canPay()
                    ? who.shownName() + " can pay (whoami-v2: canPay true), so a spending limit was likely reached"
                            + renews + "; see " + BILLING
                    : who.shownName() + " has no way to pay past the included credits (whoami-v2: canPay false"
                            + (b.mode() == null ? "" : ", billing " + Printable.line(b.mode())) + ")" + renews
                            + "; top up with pre-paid credits at " + BILLING + ", or subscribe to PRO for 20x the "
                                    + "included credits");
            return lines;
        }
        String org = billTo.org(), orgBilling = "https://huggingface.co/organizations/" + org + "/settings/billing";
        Boolean orgCanPay = b.orgs().get(org);
        if (orgCanPay == null) {
            lines.add(who.shownName() + " is not a member of " + org + " (whoami-v2 lists "
                    + (b.orgs().isEmpty() ? "no organization" : Printable.line(String.join(", ", b.orgs().keySet())))
                    + "); bill one of those, or drop " + billTo.source());
        } else if (!orgCanPay) {
            lines.add(org + " has no way to pay (whoami-v2: canPay false); an admin of " + org
                    + " adds a payment method or credits at " + orgBilling);
        } else if (!who.billable().contains(org)) {
            lines.add(org + " can pay, but this token may not bill it: a fine-grained token needs "
                    + Whoami.PERMISSION + " for " + org + "; make one at " + Whoami.NEW_TOKEN_URL);
        } else {
            lines.add(org + " can pay (whoami-v2: canPay true), so its spending limit was likely reached; see "
                    + orgBilling);
        }
        return lines;
    }
}
