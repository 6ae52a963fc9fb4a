package dev.shop.orders.checkout;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.shop.common.metrics.Metrics;
import dev.shop.common.metrics.ShopMetrics;
import dev.shop.common.table.ProductSnapshot;
import dev.shop.orders.order.OrderIds;
import dev.shop.orders.order.OrderItem;
import dev.shop.orders.order.OrderLine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Checkout: reads the cart and its products, then places the order in one
 * transaction ({@link CheckoutTransaction}). Whatever stops a checkout, the
 * idempotency record is consulted first, because a checkout under the same
 * key that finished first (long ago, or a moment ago in a racing request)
 * is the answer: the same order, or 422 for a different body.
 */
@Singleton
class CheckoutService {

    /** Attempts when other transactions hold the same products (a flash sale): each re-reads everything. */
    private static final int ATTEMPTS = 10;

    private final CheckoutRepository repository;
    private final OrderIds orderIds;
    private final Clock clock;
    private final String currency;

    CheckoutService(CheckoutRepository repository, OrderIds orderIds, Clock clock,
                    @Value("${shop.currency:USD}") String currency) {
        this.repository = repository;
        this.orderIds = orderIds;
        this.clock = clock;
        this.currency = currency;
    }

    CheckoutOutcome checkout(String userId, IdempotencyKey key, CheckoutRequest request, String bodyHash) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            long nowSeconds = now.getEpochSecond();
            Optional<CheckoutOutcome> earlier = earlierCheckout(userId, key, bodyHash, nowSeconds);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Cart cart = repository.cart(userId, nowSeconds);
            if (cart.isEmpty()) {
                return earlierCheckout(userId, key, bodyHash, nowSeconds).orElse(new CheckoutOutcome.EmptyCart());
            }
            Map<String, ProductSnapshot> products = repository.products(cart.lines());
            List<String> unavailable = cart.lines().stream()
                .filter(line -> !products.containsKey(line.productId()) || !products.get(line.productId()).canSupply(line.quantity()))
                .map(Cart.Line::productId)
                .toList();
            if (!unavailable.isEmpty()) {
                return earlierCheckout(userId, key, bodyHash, nowSeconds).orElse(new CheckoutOutcome.OutOfStock(unavailable));
            }
            OrderItem order = OrderItem.placed(orderIds.next(), userId, priced(cart, products), currency,
                request.shippingAddress(), now.toString());
            CheckoutTransaction transaction = new CheckoutTransaction(repository.tableName(), userId, cart, order, key,
                bodyHash, now.toString(), nowSeconds);
            try {
                repository.execute(transaction);
                return new CheckoutOutcome.Placed(order.toOrder());
            } catch (TransactionCanceledException cancelled) {
                CheckoutTransaction.Rejection rejection = transaction.rejection(cancelled);
                earlier = earlierCheckout(userId, key, bodyHash, nowSeconds);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                if (rejection instanceof CheckoutTransaction.Rejection.ShortOfStock shortOfStock) {
                    return new CheckoutOutcome.OutOfStock(shortOfStock.productIds());
                }
                if (rejection instanceof CheckoutTransaction.Rejection.CartChanged) {
                    return new CheckoutOutcome.CartChanged();
                }
                backOff(attempt);
            } catch (TransactionConflictException conflict) {
                backOff(attempt);
            }
        }
        return new CheckoutOutcome.Contended();
    }

    private Optional<CheckoutOutcome> earlierCheckout(String userId, IdempotencyKey key, String bodyHash, long nowSeconds) {
        return repository.idempotencyRecord(userId, key, nowSeconds).map(record -> {
            if (!record.bodyHash.equals(bodyHash)) {
                return new CheckoutOutcome.KeyReuseMismatch();
            }
            OrderItem order = repository.order(record.orderId).orElseThrow(() ->
                new IllegalStateException("Idempotency record points at missing order " + record.orderId));
            return new CheckoutOutcome.Replayed(order.toOrder());
        });
    }

    /** Order lines at the catalog's current prices, never the client's. */
    private static List<OrderLine> priced(Cart cart, Map<String, ProductSnapshot> products) {
        List<OrderLine> lines = new ArrayList<>();
        for (Cart.Line line : cart.lines()) {
            ProductSnapshot product = products.get(line.productId());
            lines.add(new OrderLine(line.productId(), product.sku(), product.name(), line.quantity(), product.priceCents(),
                Math.multiplyExact(product.priceCents(), line.quantity())));
        }
        return lines;
    }

    private static void backOff(int attempt) {
        Metrics.count(ShopMetrics.TRANSACTION_CONFLICTS);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * (attempt + 2)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a checkout", e);
        }
    }
}
