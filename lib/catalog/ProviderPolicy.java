import java.util.List;

/**
 * The router's {@code :cheapest} and {@code :fastest} rules applied to the listed figures: the lowest
 * output price, or the highest throughput, among live providers. An estimate: the router decides with
 * fresher numbers. The one place the rule lives: the list's price column and {@code models show} use it.
 */
enum ProviderPolicy {
    CHEAPEST, FASTEST;

    /** The offer this policy would pick, or null when no live offer lists the figure it goes by. */
    RouterModel.Offer pick(List<RouterModel.Offer> offers) {
        RouterModel.Offer best = null;
        for (RouterModel.Offer o : offers) {
            if (!o.live()) continue;
            if (this == CHEAPEST && o.priceOut() != null && (best == null
                    || o.priceOut().compareTo(best.priceOut()) < 0)) best = o;
            if (this == FASTEST && o.throughput() != null && (best == null
                    || o.throughput() > best.throughput())) best = o;
        }
        return best;
    }
}
