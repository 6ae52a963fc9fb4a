package dev.shop.deploy;

import java.util.List;
import java.util.Map;

import dev.shop.common.routes.Service;

/**
 * The DynamoDB actions each service may perform on the table and its indexes:
 * exactly the calls its repositories make, and nothing else. This is the only
 * place the stack's table permissions are written down.
 *
 * <p>No service scans: every listing is served by a key or an index query
 * (docs/api.md), so {@code Scan} is granted to none.
 */
final class TableAccess {

    private static final Map<Service, List<String>> ACTIONS = Map.of(
        Service.CATALOG, List.of(
            "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query",
            "TransactWriteItems", "ConditionCheckItem", "BatchGetItem"),
        Service.CART, List.of(
            "GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem", "DeleteItem",
            "TransactWriteItems", "ConditionCheckItem", "BatchWriteItem"),
        Service.ORDERS, List.of(
            "GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem", "DeleteItem",
            "TransactWriteItems", "ConditionCheckItem"));

    private TableAccess() {
    }

    /** IAM action names ({@code dynamodb:GetItem}, ...) granted to the service. */
    static List<String> actions(Service service) {
        return ACTIONS.get(service).stream().map(action -> "dynamodb:" + action).toList();
    }
}
