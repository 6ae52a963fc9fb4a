package dev.shop.common.table;

import java.util.HashMap;
import java.util.Map;

/**
 * The one owner of the rule "the inventory index's sort key mirrors
 * {@code available}". The low-stock listing queries the sparse inventory
 * index by units in stock, so every write that changes {@code available}
 * (checkout, order cancel, stock adjustment) moves the key in the same update
 * expression, and a product edit re-copies it from the item itself. Every
 * such write builds its clause here, so none can move one without the other.
 */
public final class StockExpressions {

    public static final String AVAILABLE_NAME = "#available";
    public static final String INVENTORY_SORT_NAME = "#inventorySK";

    private StockExpressions() {
    }

    /** A SET clause (without {@code SET}) giving {@code available} and the index key the value {@code value}. */
    public static String setAvailable(String value) {
        return AVAILABLE_NAME + " = " + value + ", " + INVENTORY_SORT_NAME + " = " + value;
    }

    /** {@code available} grows by the value placeholder {@code amount}, and the index key with it. */
    public static String addToAvailable(String amount) {
        return setAvailable(AVAILABLE_NAME + " + " + amount);
    }

    /** {@code available} shrinks by the value placeholder {@code amount}, and the index key with it. */
    public static String takeFromAvailable(String amount) {
        return setAvailable(AVAILABLE_NAME + " - " + amount);
    }

    /**
     * The index key re-copied from the stored {@code available}: read from the
     * item itself, so a checkout racing a product edit cannot leave the index
     * behind the stock.
     */
    public static String mirrorAvailable() {
        return INVENTORY_SORT_NAME + " = " + AVAILABLE_NAME;
    }

    /** The expression attribute names of these clauses, with the caller's own. */
    public static Map<String, String> namesWith(Map<String, String> more) {
        Map<String, String> names = new HashMap<>(more);
        names.put(AVAILABLE_NAME, ProductAttributes.AVAILABLE);
        names.put(INVENTORY_SORT_NAME, ShopTable.INVENTORY.sortKey());
        return names;
    }
}
