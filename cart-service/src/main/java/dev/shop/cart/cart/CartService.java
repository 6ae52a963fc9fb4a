package dev.shop.cart.cart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.shop.cart.cart.CartRepository.CartState;
import dev.shop.cart.cart.CartRepository.ChangeContext;
import dev.shop.cart.cart.CartRepository.Stamp;
import dev.shop.common.config.ShopSettings;
import dev.shop.common.paging.CursorCodec;
import dev.shop.common.paging.CursorScope;
import dev.shop.common.paging.Page;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.retry.Backoff;
import dev.shop.common.table.CartLimits;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ProductSnapshot;
import dev.shop.common.time.Timestamps;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The cart's rules: who may put what into it, how a change is written without
 * losing a concurrent one, and how the cart is shown at current prices.
 */
@Singleton
class CartService {

    /** A cart expires this long after its last write (DynamoDB TTL on every item). */
    static final Duration CART_LIFETIME = Duration.ofDays(30);
    /**
     * Lines outlive their summary by up to this much, so that DynamoDB TTL never
     * removes a line of a live cart; a line is refreshed only once its expiry
     * falls behind the summary's, i.e. at most once a day per line.
     */
    static final Duration LINE_GRACE = Duration.ofDays(1);
    /**
     * Attempts of one change before giving up with 503. Every write of a cart
     * updates its summary, so concurrent writes to one cart conflict and retry;
     * with jittered backoff this many attempts let dozens of parallel writes through.
     */
    static final int MAX_ATTEMPTS = 12;

    static final String ABANDONED_LISTING = "cart/admin/abandoned";

    private final CartRepository carts;
    private final CursorCodec cursors;
    private final String currency;
    private final Clock clock;

    CartService(CartRepository carts, CursorCodec cursors, Clock clock, @Value("${" + ShopSettings.Names.CURRENCY + ":USD}") String currency) {
        this.carts = carts;
        this.clock = clock;
        this.cursors = cursors;
        this.currency = currency;
    }

    /** The user's cart at current prices; an empty one when there is none. */
    Cart view(String userId) {
        return present(userId, null);
    }

    /**
     * Sets the quantity of one product, 0 removing it. Reads the product, the
     * line and the summary, then writes the line and the summary in one
     * transaction conditional on what was read; a concurrent change to the
     * same cart makes it read again and retry.
     */
    LineChange setQuantity(String userId, String productId, int quantity) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ChangeContext read = carts.readForChange(userId, productId);
            ProductSnapshot product = read.product().filter(p -> !p.isDeleted()).orElse(null);
            if (product == null) {
                return new LineChange.NotFound(productId);
            }
            if (quantity > product.available()) {
                return new LineChange.BeyondStock(productId, quantity, product.available());
            }
            if (clearedExpiredCart(userId, read)) {
                continue;
            }
            LineItem current = read.line().orElse(null);
            if (quantity == 0 && current == null) {
                return new LineChange.Changed(view(userId));
            }
            Stamp stamp = stamp();
            switch (carts.setLine(userId, productId, current, quantity, product.priceCents(), stamp)) {
                case WRITTEN -> {
                    return new LineChange.Changed(present(userId, stamp));
                }
                case CART_FULL -> {
                    return new LineChange.CartFull(CartLimits.MAX_CART_LINES);
                }
                case RETRY -> Backoff.pause(attempt);
            }
        }
        return new LineChange.Contended();
    }

    /** Removes one product's line; the cart is returned whether or not the line was there. */
    LineChange removeLine(String userId, String productId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ChangeContext read = carts.readForChange(userId, productId);
            if (clearedExpiredCart(userId, read)) {
                continue;
            }
            LineItem current = read.line().orElse(null);
            if (current == null) {
                return new LineChange.Changed(view(userId));
            }
            Stamp stamp = stamp();
            if (carts.setLine(userId, productId, current, 0, current.unitPriceCents(), stamp) == CartRepository.WriteResult.WRITTEN) {
                return new LineChange.Changed(present(userId, stamp));
            }
            Backoff.pause(attempt);
        }
        return new LineChange.Contended();
    }

    /** @return false when concurrent writes kept changing the cart through every attempt */
    boolean clear(String userId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (carts.clear(userId, carts.load(userId))) {
                return true;
            }
            Backoff.pause(attempt);
        }
        return false;
    }

    /** Non-empty carts idle at least {@code idleMinutes}, oldest first. */
    Page<AbandonedCart> abandoned(int idleMinutes, int limit, @Nullable String cursor) {
        PageRequest request = cursors.pageRequest(CursorScope.of(ABANDONED_LISTING).with("idleMinutes", idleMinutes), limit, cursor);
        Instant now = clock.instant();
        String cutoff = Timestamps.format(now.minus(Duration.ofMinutes(idleMinutes)).plusMillis(1));
        // "<cutoff + 1 ms>#" sorts after every entry written at or before the cutoff and before any later one
        return carts.idleCarts(Keys.cartsIndexSort(cutoff, ""), now.getEpochSecond(), request)
            .map(s -> new AbandonedCart(s.userId, s.itemCount(), s.subtotalCents(), s.updatedAt));
    }

    /**
     * Reads the cart and prices it from the catalog (one Query, one BatchGetItem).
     * Lines whose product was deleted are dropped from the cart on the way. After
     * a write ({@code stamp} given) the lines that write did not touch get their
     * expiry pushed back with it.
     */
    private Cart present(String userId, @Nullable Stamp stamp) {
        CartState state = carts.load(userId);
        long now = clock.instant().getEpochSecond();
        if (state.isExpiredAt(now)) {
            carts.clear(userId, state);
            return Cart.empty(currency);
        }
        if (state.summary().isEmpty()) {
            return Cart.empty(currency);
        }
        SummaryItem summary = state.summary().get();
        Map<String, ProductSnapshot> products = carts.products(state.lines().stream().map(line -> line.productId).toList());
        List<LineItem> live = new ArrayList<>();
        List<LineItem> gone = new ArrayList<>();
        for (LineItem line : state.lines()) {
            ProductSnapshot product = products.get(line.productId);
            (product == null || product.isDeleted() ? gone : live).add(line);
        }
        if (!gone.isEmpty()) {
            carts.dropLines(userId, gone);
        }
        if (stamp != null) {
            List<LineItem> behind = live.stream().filter(line -> line.expiresAt() < stamp.cartExpiresAt()).toList();
            carts.refreshExpiry(userId, behind, stamp.lineExpiresAt());
        }
        if (live.isEmpty() && summary.isListed()) {
            carts.leaveIndexIfEmpty(userId);
        }
        List<Cart.Line> lines = live.stream()
            .sorted(Comparator.comparing((LineItem line) -> line.addedAt).thenComparing(line -> line.productId))
            .map(line -> {
                ProductSnapshot product = products.get(line.productId);
                return Cart.Line.priced(line.productId, product.sku(), product.name(), line.quantity(), product.priceCents());
            })
            .toList();
        return Cart.of(lines, currency, summary.updatedAt);
    }

    /**
     * A cart past its expiry whose items DynamoDB TTL has not removed yet (TTL
     * deletes within days, not at the second) is cleared before the write, so a
     * write starts a fresh cart instead of reviving an expired one.
     *
     * @return true when it cleared (or tried to clear) and the caller must read again
     */
    private boolean clearedExpiredCart(String userId, ChangeContext read) {
        long now = clock.instant().getEpochSecond();
        boolean expired = read.summary().map(summary -> summary.isExpiredAt(now)).orElse(read.line().isPresent());
        if (expired) {
            carts.clear(userId, carts.load(userId));
        }
        return expired;
    }

    private Stamp stamp() {
        Instant now = clock.instant();
        long cartExpiresAt = now.plus(CART_LIFETIME).getEpochSecond();
        return new Stamp(Timestamps.format(now), cartExpiresAt, cartExpiresAt + LINE_GRACE.toSeconds());
    }
}
