package dev.shop.cart;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.shop.common.routes.Service;
import dev.shop.local.grants.TableGrantsCheck;

/**
 * Runs after every other test class of this module ({@link ClassOrderer.OrderAnnotation},
 * junit-platform.properties) and checks that the DynamoDB calls the suite made
 * are exactly what TableGrants grants cart-service: the IAM policy the CDK
 * stack deploys. Skipped when run on its own, with nothing recorded.
 */
@Order(Integer.MAX_VALUE)
class TableGrantsMatchCallsTest {

    @Test
    void theSuitesDynamoDbCallsAreExactlyTheGrantsOfThisService() {
        assumeFalse(TableGrantsCheck.recordedCalls().isEmpty(), "run with the rest of the suite");

        String checked = TableGrantsCheck.assertCallsMatchGrants(Service.CART, TableGrantsCheck.recordedCalls());

        System.out.println(checked);
    }
}
