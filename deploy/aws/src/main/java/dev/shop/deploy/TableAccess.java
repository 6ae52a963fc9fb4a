package dev.shop.deploy;

import java.util.List;
import java.util.Map;

import dev.shop.common.routes.Service;
import dev.shop.common.table.TableGrants;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * A service's table permissions as IAM statements, one per target of
 * {@link TableGrants}: the table's ARN or one index's ARN (never
 * {@code index/*}), the target's actions, and a {@code dynamodb:LeadingKeys}
 * condition holding the partition key patterns the service may touch there.
 *
 * <p>{@code ForAllValues:StringLike}: a {@code BatchGetItem} presents every
 * key it reads and each must match; a transaction's items are authorized one
 * by one as the {@code PutItem}, {@code UpdateItem}, {@code DeleteItem} they
 * are, each with its own key. The list itself is checked against the calls
 * each service's tests really make (see {@link TableGrants}).
 *
 * <p>No service scans: every listing is served by a key or an index query
 * (docs/api.md), so {@code Scan} is granted to none.
 */
final class TableAccess {

    static final String LEADING_KEYS = "dynamodb:LeadingKeys";
    static final String OPERATOR = "ForAllValues:StringLike";

    private TableAccess() {
    }

    static List<PolicyStatement> statements(Service service, ITable table) {
        return statements(TableGrants.of(service), table);
    }

    static List<PolicyStatement> statements(List<TableGrants.Grant> grants, ITable table) {
        return grants.stream().map(grant -> statement(grant, table)).toList();
    }

    private static PolicyStatement statement(TableGrants.Grant grant, ITable table) {
        PolicyStatement.Builder statement = PolicyStatement.Builder.create()
            .actions(grant.actions().stream().sorted().map(TableGrants.Action::iamName).toList())
            .resources(List.of(grant.index()
                .map(index -> table.getTableArn() + "/index/" + index.name())
                .orElse(table.getTableArn())));
        if (!grant.leadingKeys().isEmpty()) {
            statement.conditions(Map.of(OPERATOR, Map.of(LEADING_KEYS, grant.leadingKeys())));
        }
        return statement.build();
    }
}
