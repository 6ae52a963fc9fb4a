package dev.shop.common.metrics;

/**
 * The names of the shop's metrics, once, for the code that records them, the
 * CDK dashboard and alarms, and docs/operations.md.
 */
public final class ShopMetrics {

    /** Per route (dimension {@link #ROUTE}): the function's time for the request, in ms. */
    public static final String LATENCY = "Latency";
    public static final String ROUTE = "Route";

    public static final String ORDERS_PLACED = "OrdersPlaced";
    /** The placed order's total, in cents. */
    public static final String ORDER_VALUE = "OrderValueCents";
    /** Dimension {@link #REASON}: {@link #OUT_OF_STOCK}, {@link #CART_CHANGED}, {@link #EMPTY_CART}, {@link #CONTENDED}, {@link #KEY_REUSED}. */
    public static final String CHECKOUTS_REFUSED = "CheckoutsRefused";
    public static final String REASON = "Reason";
    public static final String OUT_OF_STOCK = "OutOfStock";
    public static final String CART_CHANGED = "CartChanged";
    public static final String EMPTY_CART = "EmptyCart";
    public static final String CONTENDED = "Contended";
    public static final String KEY_REUSED = "KeyReused";
    /** A checkout answered from its idempotency record: the same order again, nothing decremented. */
    public static final String IDEMPOTENT_REPLAYS = "IdempotentReplays";
    /** A write that lost a race (a transaction cancelled by a conflict, an item changed between read and write), before it is tried again. */
    public static final String TRANSACTION_CONFLICTS = "TransactionConflicts";
    public static final String CART_WRITES = "CartWrites";
    public static final String STOCK_ADJUSTMENTS = "StockAdjustments";

    private ShopMetrics() {
    }
}
