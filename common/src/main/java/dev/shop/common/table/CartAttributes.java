package dev.shop.common.table;

/**
 * Attribute names of cart items ({@link Keys#cartLine}, {@link Keys#cartSummary}).
 * cart-service writes them; orders-service reads the lines and empties the cart
 * at checkout, so the names are shared here.
 */
public final class CartAttributes {

    // --- a cart line ---------------------------------------------------------
    public static final String PRODUCT_ID = "productId";
    public static final String QUANTITY = "quantity";
    /** The unit price when the line was last written; the summary's subtotal snapshot is built from it. */
    public static final String UNIT_PRICE_CENTS = "unitPriceCents";
    public static final String ADDED_AT = "addedAt";
    /** Incremented on every write of the line; writes are conditional on the version they read. */
    public static final String VERSION = "version";

    // --- the cart summary ----------------------------------------------------
    public static final String USER_ID = "userId";
    /** Number of line items in the cart; the maximum is {@link CartLimits#MAX_CART_LINES}. */
    public static final String LINE_COUNT = "lineCount";
    /** Sum of the lines' quantities. */
    public static final String ITEM_COUNT = "itemCount";
    /** Sum of quantity x unit price at each line's last write (a snapshot, not current prices). */
    public static final String SUBTOTAL_CENTS = "subtotalCents";

    // --- both ----------------------------------------------------------------
    public static final String UPDATED_AT = "updatedAt";

    private CartAttributes() {
    }
}
