package dev.shop.common.table;

/**
 * Attribute names of a product item ({@link Keys#product}). catalog-service
 * writes products; cart-service and orders-service read them from the same
 * table (prices, stock, whether deleted) and decrement or return stock in
 * their transactions, so the names are shared here.
 */
public final class ProductAttributes {

    public static final String ID = "id";
    public static final String SKU = "sku";
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String CATEGORY = "category";
    public static final String PRICE_CENTS = "priceCents";
    public static final String CURRENCY = "currency";
    public static final String IMAGE_URL = "imageUrl";
    /** Units in stock; never below zero (every decrement is conditional). */
    public static final String AVAILABLE = "available";
    public static final String VERSION = "version";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    /**
     * Set when an admin deletes the product. The item stays so that a cancelled
     * order can still return its stock, but it leaves every index and reads as 404.
     */
    public static final String DELETED_AT = "deletedAt";

    private ProductAttributes() {
    }
}
