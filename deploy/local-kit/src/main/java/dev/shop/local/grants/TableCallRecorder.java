package dev.shop.local.grants;

import java.net.URL;
import java.security.CodeSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shop.common.table.ShopTable;
import dev.shop.common.table.TableGrants.Action;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Records every DynamoDB data call the code under test makes, as IAM will
 * authorize it: the action, the target (table or index) and the partition key
 * value. A {@code TransactWriteItems} is recorded as the per-item actions it
 * holds, a {@code BatchGetItem} as one call per key.
 *
 * <p>Registered for tests only: each service lists this class in its test
 * resources' {@code software/amazon/awssdk/global/handlers/execution.interceptors},
 * which the SDK reads when a client is built. It never reaches a Lambda jar
 * (local-kit is a test dependency of the services). Calls that test code
 * makes itself (fixtures seeding the table) are not the service's and are
 * left out: a call counts when the nearest shop class on the stack is main
 * code, not a test class.
 */
public final class TableCallRecorder implements ExecutionInterceptor {

    /** Names a call by IAM's terms; {@code action} is {@code Scan} or {@code BatchWriteItem} for calls no grant allows. */
    public record Call(String action, String target, String partitionKey) {
    }

    static final String TABLE = "table";
    private static final Set<Call> CALLS = ConcurrentHashMap.newKeySet();
    private static final Pattern EQUALITY = Pattern.compile("\\s*\\(?\\s*(\\S+)\\s*=\\s*(:\\S+?)\\s*\\)?\\s*");
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** Every call recorded in this JVM so far. */
    public static Set<Call> calls() {
        return Set.copyOf(CALLS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        SdkRequest request = context.request();
        if (!isDataCall(request) || !madeByMainCode()) {
            return;
        }
        if (request instanceof GetItemRequest get) {
            record(Action.GetItem.name(), TABLE, get.key());
        } else if (request instanceof PutItemRequest put) {
            record(Action.PutItem.name(), TABLE, put.item());
        } else if (request instanceof UpdateItemRequest update) {
            record(Action.UpdateItem.name(), TABLE, update.key());
        } else if (request instanceof DeleteItemRequest delete) {
            record(Action.DeleteItem.name(), TABLE, delete.key());
        } else if (request instanceof QueryRequest query) {
            recordQuery(query);
        } else if (request instanceof BatchGetItemRequest batch) {
            batch.requestItems().values().forEach(keys ->
                keys.keys().forEach(key -> record(Action.BatchGetItem.name(), TABLE, key)));
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            transaction.transactItems().forEach(TableCallRecorder::recordTransactionItem);
        } else if (request instanceof TransactGetItemsRequest transaction) {
            transaction.transactItems().forEach(item -> record(Action.GetItem.name(), TABLE, item.get().key()));
        } else if (request instanceof BatchWriteItemRequest) {
            CALLS.add(new Call("BatchWriteItem", TABLE, ""));
        } else if (request instanceof ScanRequest scan) {
            CALLS.add(new Call("Scan", Optional.ofNullable(scan.indexName()).orElse(TABLE), ""));
        }
    }

    private static boolean isDataCall(SdkRequest request) {
        return request instanceof GetItemRequest || request instanceof PutItemRequest
            || request instanceof UpdateItemRequest || request instanceof DeleteItemRequest
            || request instanceof QueryRequest || request instanceof BatchGetItemRequest
            || request instanceof TransactWriteItemsRequest || request instanceof TransactGetItemsRequest
            || request instanceof BatchWriteItemRequest || request instanceof ScanRequest;
    }

    private static void recordTransactionItem(TransactWriteItem item) {
        if (item.put() != null) {
            record(Action.PutItem.name(), TABLE, item.put().item());
        } else if (item.update() != null) {
            record(Action.UpdateItem.name(), TABLE, item.update().key());
        } else if (item.delete() != null) {
            record(Action.DeleteItem.name(), TABLE, item.delete().key());
        } else if (item.conditionCheck() != null) {
            record(Action.ConditionCheckItem.name(), TABLE, item.conditionCheck().key());
        }
    }

    /** A Query names its partition in the key condition: {@code <pk> = :value}, perhaps through a name placeholder. */
    private static void recordQuery(QueryRequest query) {
        String target = Optional.ofNullable(query.indexName()).orElse(TABLE);
        String partitionAttribute = query.indexName() == null ? ShopTable.PK : ShopTable.INDEXES.stream()
            .filter(index -> index.name().equals(query.indexName()))
            .map(ShopTable.Index::partitionKey)
            .findFirst().orElse("?");
        String value = "?";
        for (String clause : query.keyConditionExpression().split("(?i)\\s+AND\\s+")) {
            Matcher equality = EQUALITY.matcher(clause);
            if (equality.matches()) {
                String name = query.expressionAttributeNames().getOrDefault(equality.group(1), equality.group(1));
                AttributeValue bound = query.expressionAttributeValues().get(equality.group(2));
                if (name.equals(partitionAttribute) && bound != null) {
                    value = text(bound);
                }
            }
        }
        CALLS.add(new Call(Action.Query.name(), target, value));
    }

    private static void record(String action, String target, Map<String, AttributeValue> key) {
        AttributeValue partition = key.get(ShopTable.PK);
        CALLS.add(new Call(action, target, partition == null ? "?" : text(partition)));
    }

    private static String text(AttributeValue value) {
        return value.s() != null ? value.s() : String.valueOf(value.n());
    }

    /** Whether the nearest {@code dev.shop} class calling the SDK was loaded from main classes rather than test classes. */
    private static boolean madeByMainCode() {
        return STACK.walk(frames -> frames
            .map(StackWalker.StackFrame::getDeclaringClass)
            .filter(type -> type.getName().startsWith("dev.shop.") && !type.getName().startsWith("dev.shop.local."))
            .findFirst()
            .map(TableCallRecorder::isMainCode)
            .orElse(false));
    }

    private static boolean isMainCode(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location != null && !location.getPath().contains("/test-classes/");
    }

    static List<Call> sorted(Collection<Call> calls) {
        return calls.stream()
            .sorted((a, b) -> (a.target() + a.action() + a.partitionKey()).compareTo(b.target() + b.action() + b.partitionKey()))
            .toList();
    }
}
