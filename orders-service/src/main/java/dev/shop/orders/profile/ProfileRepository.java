package dev.shop.orders.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.common.table.TableName;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Profiles and their email guards. A profile write and its guard changes are
 * one TransactWriteItems (low-level client: the guard puts and deletes carry
 * conditions on another item than the profile, which the Enhanced Client's
 * transaction API expresses no more simply):
 * <ol>
 *   <li>the profile put, conditional on the version read (or on absence, for a new profile);</li>
 *   <li>when the email changes: the new email's guard put, conditional on being free or ours;</li>
 *   <li>when the email changes: the old email's guard deleted, conditional on being ours.</li>
 * </ol>
 */
@Singleton
class ProfileRepository {

    private static final String GUARD_USER_ID = "userId";

    private final DynamoDbClient client;
    private final DynamoDbTable<ProfileItem> table;
    private final String tableName;

    ProfileRepository(DynamoDbClient client, DynamoDbEnhancedClient enhancedClient, TableName tableName) {
        this.client = client;
        this.table = enhancedClient.table(tableName.value(), ProfileItem.SCHEMA);
        this.tableName = tableName.value();
    }

    Optional<ProfileItem> find(String userId) {
        Keys.Key key = Keys.profile(userId);
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build())
            .consistentRead(true)));
    }

    /** The profile holding an email: one Query of the profiles index on the normalized address. */
    Optional<ProfileItem> findByEmail(String email) {
        return table.index(ShopTable.PROFILES.name())
            .query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                Key.builder().partitionValue(Keys.profilesIndexKey(email)).build())).limit(1))
            .stream().flatMap(page -> page.items().stream()).findFirst();
    }

    /** What stopped a profile write; nothing was written. */
    enum Failure { PROFILE_CHANGED, EMAIL_TAKEN, CONFLICT }

    /**
     * Writes {@code next} over {@code previous} (absent for a new profile),
     * moving the email guard when the email changes.
     *
     * @return empty when written; otherwise what stopped the write
     */
    Optional<Failure> write(ProfileItem next, Optional<ProfileItem> previous) {
        List<TransactWriteItem> actions = new ArrayList<>();
        Put.Builder profile = Put.builder().tableName(tableName).item(next.toMap());
        if (previous.isPresent()) {
            profile.conditionExpression("#version = :version")
                .expressionAttributeNames(Map.of("#version", ProfileItem.VERSION))
                .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(previous.get().version))));
        } else {
            profile.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", ShopTable.PK));
        }
        actions.add(TransactWriteItem.builder().put(profile.build()).build());

        String oldEmail = previous.map(p -> p.email).map(Keys::normalizeEmail).orElse(null);
        String newEmail = next.email == null ? null : Keys.normalizeEmail(next.email);
        boolean emailChanges = newEmail != null ? !newEmail.equals(oldEmail) : oldEmail != null;
        int guardPutIndex = -1;
        if (emailChanges && newEmail != null) {
            guardPutIndex = actions.size();
            Keys.Key guard = Keys.emailGuard(newEmail);
            actions.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(Map.of(ShopTable.PK, AttributeValue.fromS(guard.pk()), ShopTable.SK, AttributeValue.fromS(guard.sk()),
                    GUARD_USER_ID, AttributeValue.fromS(next.userId)))
                .conditionExpression("attribute_not_exists(#pk) OR #userId = :me")
                .expressionAttributeNames(Map.of("#pk", ShopTable.PK, "#userId", GUARD_USER_ID))
                .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(next.userId)))
                .build()).build());
        }
        if (emailChanges && oldEmail != null) {
            actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
                .key(Keys.emailGuard(oldEmail).toAttributeMap())
                .conditionExpression("attribute_not_exists(#pk) OR #userId = :me")
                .expressionAttributeNames(Map.of("#pk", ShopTable.PK, "#userId", GUARD_USER_ID))
                .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(next.userId)))
                .build()).build());
        }
        try {
            client.transactWriteItems(r -> r.transactItems(actions));
            return Optional.empty();
        } catch (TransactionCanceledException cancelled) {
            return Optional.of(failure(cancelled, guardPutIndex));
        } catch (TransactionConflictException conflict) {
            return Optional.of(Failure.CONFLICT);
        }
    }

    /** The cancellation reasons of a profile write, read here and nowhere else. */
    private static Failure failure(TransactionCanceledException cancelled, int guardPutIndex) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                if (i == 0) {
                    return Failure.PROFILE_CHANGED;
                }
                if (i == guardPutIndex) {
                    return Failure.EMAIL_TAKEN;
                }
            }
        }
        return Failure.CONFLICT;
    }
}
