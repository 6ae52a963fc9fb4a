package dev.shop.local.grants;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.shop.common.routes.Service;
import dev.shop.local.grants.TableCallRecorder.Call;

class TableGrantsCheckTest {

    /** One call for every action and leading key cart-service is granted. */
    private static List<Call> everythingCartIsGranted() {
        List<Call> calls = new ArrayList<>();
        for (String action : List.of("Query", "BatchGetItem", "PutItem", "UpdateItem", "DeleteItem")) {
            calls.add(new Call(action, "table", "CART#user-1"));
        }
        calls.add(new Call("BatchGetItem", "table", "PRODUCT#p-1"));
        calls.add(new Call("Query", "carts", "CARTS"));
        return calls;
    }

    @Test
    void callsThatUseEveryGrantAndNothingElsePass() {
        assertThatCode(() -> TableGrantsCheck.assertCallsMatchGrants(Service.CART, everythingCartIsGranted()))
            .doesNotThrowAnyException();
    }

    @Test
    void aCallWithoutAGrantFails() {
        List<Call> calls = everythingCartIsGranted();
        calls.add(new Call("ConditionCheckItem", "table", "CART#user-1"));

        assertThatThrownBy(() -> TableGrantsCheck.assertCallsMatchGrants(Service.CART, calls))
            .hasMessageContaining("called but not granted: ConditionCheckItem on table");
    }

    @Test
    void aCallOnAPartitionOutsideTheLeadingKeysFails() {
        List<Call> calls = everythingCartIsGranted();
        calls.add(new Call("UpdateItem", "table", "ORDER#o-1"));

        assertThatThrownBy(() -> TableGrantsCheck.assertCallsMatchGrants(Service.CART, calls))
            .hasMessageContaining("partition key outside the grant's leading keys")
            .hasMessageContaining("ORDER#o-1");
    }

    @Test
    void aGrantNoCallNeedsFails() {
        List<Call> calls = everythingCartIsGranted();
        calls.removeIf(call -> call.target().equals("carts"));

        assertThatThrownBy(() -> TableGrantsCheck.assertCallsMatchGrants(Service.CART, calls))
            .hasMessageContaining("granted but never called: dynamodb:Query on carts")
            .hasMessageContaining("leading key never touched: CARTS on carts");
    }
}
