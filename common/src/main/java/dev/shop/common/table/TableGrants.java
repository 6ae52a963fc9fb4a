package dev.shop.common.table;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.shop.common.routes.Service;

/**
 * What each service may do to the table: the DynamoDB IAM actions per target
 * (the table itself or one index) and the partition key values it may touch
 * there ({@code dynamodb:LeadingKeys}). The CDK stack turns this into each
 * function's policy; each service's test suite records the calls it really
 * makes and fails when they differ from this list (a call without a grant, or
 * a grant no call needs). One definition, two readers.
 *
 * <p>Written as IAM sees a request, not as the SDK sends it: a
 * {@code TransactWriteItems} is authorized item by item as the {@code PutItem},
 * {@code UpdateItem}, {@code DeleteItem} or {@code ConditionCheckItem} it
 * contains, each against its own key, so there is no
 * {@code dynamodb:TransactWriteItems} action to grant. A {@code Query} on an
 * index names only the index's partition key, so an index's leading keys are
 * values of that index's partition key. No service scans (every listing is a
 * key or index Query, docs/data-model.md), so {@code Scan} is granted to none.
 */
public final class TableGrants {

    /** The item-level actions IAM knows for DynamoDB data, the ones this shop uses. */
    public enum Action {
        GetItem, BatchGetItem, Query, PutItem, UpdateItem, DeleteItem, ConditionCheckItem;

        /** The IAM action name, {@code dynamodb:GetItem}. */
        public String iamName() {
            return "dynamodb:" + name();
        }
    }

    /**
     * Actions one service may perform on one target.
     *
     * @param index       the index, or empty for the table itself
     * @param actions     what it may do there
     * @param leadingKeys IAM {@code StringLike} patterns every partition key value of a request must match;
     *                    empty when the target's keys carry no prefix to restrict by (say why at the grant)
     */
    public record Grant(Optional<ShopTable.Index> index, Set<Action> actions, List<String> leadingKeys) {

        public Grant {
            actions = Set.copyOf(actions);
            leadingKeys = List.copyOf(leadingKeys);
        }

        /** Index name, or {@code table} for the table itself: a readable label for messages. */
        public String target() {
            return index.map(ShopTable.Index::name).orElse("table");
        }

        /** Whether a partition key value matches one of the leading-key patterns (any value when there are none). */
        public boolean allowsPartition(String partitionKey) {
            return leadingKeys.isEmpty() || leadingKeys.stream().anyMatch(pattern -> likeMatches(pattern, partitionKey));
        }
    }

    /** Keys built with {@code *} for their variable parts are the leading-key patterns: {@code PRODUCT#*}. */
    private static final String ANY = "*";

    private static final List<Grant> CATALOG = List.of(
        table(EnumSet.of(Action.GetItem, Action.Query, Action.PutItem, Action.UpdateItem, Action.DeleteItem),
            Keys.product(ANY).pk(), Keys.skuGuard(ANY).pk(), Keys.CATEGORIES_PARTITION),
        index(ShopTable.GSI1, Keys.categoryListing(ANY)),
        index(ShopTable.GSI2, Keys.ALL_PRODUCTS),
        index(ShopTable.INVENTORY, Keys.INVENTORY_PARTITION));

    private static final List<Grant> CART = List.of(
        table(EnumSet.of(Action.Query, Action.BatchGetItem, Action.PutItem, Action.UpdateItem, Action.DeleteItem),
            Keys.cartPartition(ANY), Keys.product(ANY).pk()),
        index(ShopTable.CARTS, Keys.CARTS_PARTITION));

    private static final List<Grant> ORDERS = List.of(
        table(EnumSet.of(Action.GetItem, Action.BatchGetItem, Action.Query,
                Action.PutItem, Action.UpdateItem, Action.DeleteItem),
            Keys.order(ANY).pk(), Keys.idempotency(ANY, ANY).pk(), Keys.profile(ANY).pk(),
            Keys.emailGuard(ANY).pk(), Keys.cartPartition(ANY), Keys.product(ANY).pk()),
        index(ShopTable.GSI1, Keys.ordersInStatus(ANY)),
        index(ShopTable.GSI2, Keys.userOrders(ANY)),
        // The profiles index is keyed by the bare email, which has no prefix to
        // restrict by; only profiles carry profilesPK, so the index holds nothing else.
        new Grant(Optional.of(ShopTable.PROFILES), EnumSet.of(Action.Query), List.of()));

    /** The live events' {@code $connect}/{@code $disconnect} function: its callers' connection items. */
    public static final List<Grant> LIVE_CONNECTIONS = List.of(
        table(EnumSet.of(Action.PutItem, Action.DeleteItem), Keys.liveConnections(ANY)));

    /**
     * The live events' stream consumer: it queries the connections it pushes to (a user's, and the admins' on
     * GSI1), claims each stream record with a delivery marker, and deletes the connections a push found gone.
     */
    public static final List<Grant> LIVE_CONSUMER = List.of(
        table(EnumSet.of(Action.Query, Action.PutItem, Action.DeleteItem),
            Keys.liveConnections(ANY), Keys.streamDelivery(ANY).pk()),
        index(ShopTable.GSI1, Keys.ADMIN_CONNECTIONS));

    private TableGrants() {
    }

    /** Everything one service is granted, one entry per target. */
    public static List<Grant> of(Service service) {
        return switch (service) {
            case CATALOG -> CATALOG;
            case CART -> CART;
            case ORDERS -> ORDERS;
        };
    }

    private static Grant table(Set<Action> actions, String... leadingKeys) {
        return new Grant(Optional.empty(), actions, List.of(leadingKeys));
    }

    private static Grant index(ShopTable.Index index, String... leadingKeys) {
        return new Grant(Optional.of(index), EnumSet.of(Action.Query), List.of(leadingKeys));
    }

    /** IAM {@code StringLike}: {@code *} matches any run of characters, {@code ?} one; nothing else is special. */
    static boolean likeMatches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches("(?s)" + regex);
    }
}
