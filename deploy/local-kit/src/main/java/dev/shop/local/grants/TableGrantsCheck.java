package dev.shop.local.grants;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.shop.common.routes.Service;
import dev.shop.common.table.TableGrants;
import dev.shop.common.table.TableGrants.Grant;
import dev.shop.local.grants.TableCallRecorder.Call;

/**
 * Compares the calls a service's test suite made ({@link TableCallRecorder})
 * with what {@link TableGrants} grants the service, both ways: every call
 * must be granted (action, target, partition key pattern), and every granted
 * action and leading-key pattern must have been needed by some call. Run at
 * the end of each service's suite, so a new call without a grant, or a grant
 * no code needs any more, fails the build.
 */
public final class TableGrantsCheck {

    private TableGrantsCheck() {
    }

    /** The calls recorded so far in this JVM. */
    public static Collection<Call> recordedCalls() {
        return TableCallRecorder.calls();
    }

    /**
     * @return what was checked, one line per action and target with its partition keys, for the test's log
     * @throws AssertionError listing every difference between the calls and the grants
     */
    public static String assertCallsMatchGrants(Service service, Collection<Call> calls) {
        List<Grant> grants = TableGrants.of(service);
        List<String> problems = new ArrayList<>();
        for (Call call : TableCallRecorder.sorted(calls)) {
            Optional<Grant> grant = grants.stream().filter(g -> g.target().equals(call.target())).findFirst();
            if (grant.isEmpty() || grant.get().actions().stream().noneMatch(a -> a.name().equals(call.action()))) {
                problems.add("called but not granted: " + call.action() + " on " + call.target() + " (" + call.partitionKey() + ")");
            } else if (!grant.get().allowsPartition(call.partitionKey())) {
                problems.add("partition key outside the grant's leading keys " + grant.get().leadingKeys() + ": "
                    + call.action() + " on " + call.target() + " (" + call.partitionKey() + ")");
            }
        }
        for (Grant grant : grants) {
            for (TableGrants.Action action : grant.actions()) {
                if (calls.stream().noneMatch(c -> c.target().equals(grant.target()) && c.action().equals(action.name()))) {
                    problems.add("granted but never called: " + action.iamName() + " on " + grant.target());
                }
            }
            for (String pattern : grant.leadingKeys()) {
                if (calls.stream().noneMatch(c -> c.target().equals(grant.target())
                    && new Grant(grant.index(), grant.actions(), List.of(pattern)).allowsPartition(c.partitionKey()))) {
                    problems.add("leading key never touched: " + pattern + " on " + grant.target());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(service.moduleName() + "'s DynamoDB calls and its TableGrants differ"
                + " (common/.../table/TableGrants):\n  " + String.join("\n  ", problems));
        }
        return calls.stream()
            .collect(Collectors.groupingBy(call -> call.action() + " on " + call.target(), TreeMap::new,
                Collectors.mapping(Call::partitionKey, Collectors.toCollection(TreeSet::new))))
            .entrySet().stream()
            .map(entry -> entry.getKey() + ": " + entry.getValue().size() + " partitions, e.g. " + entry.getValue().first())
            .collect(Collectors.joining("\n", service.moduleName() + " made these DynamoDB calls, all granted:\n", ""));
    }
}
