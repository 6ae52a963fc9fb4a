package dev.shop.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * A signed-in shopper: look at the cart, add two products, change a quantity, check out with a
 * fresh {@code Idempotency-Key}, then read the order history and the new order. Eight requests per
 * arrival, all authenticated, three of them DynamoDB transactions or conditional writes.
 *
 * <p>Set-up signs up {@code shop.shoppers} users through Cognito's {@code SignUp} (on the local stack;
 * {@code -Dshop.signUp=false} uses the stack file's non-admin users instead), signs each in, and
 * creates {@code shop.products} products with stock for millions of checkouts. Tokens are refreshed
 * in the background (see {@link TokenStore}); the identity endpoint is never measured.
 */
public class ShopperJourneySimulation extends ShopSimulation {

    private static final String PASSWORD = "Perf-Passw0rd-" + RUN_ID;

    private final ShopperPool shoppers = new ShopperPool();
    private volatile List<String> productIds;
    private TokenStore tokens;

    public ShopperJourneySimulation() {
        super(2);
        run("Shopper journey", this::journey);
    }

    private ScenarioBuilder journey(String phase) {
        return scenario("Shopper journey " + phase)
            .feed(shoppers)
            .exec(session -> session
                .set("token", tokens.accessToken(session.getString(ShopperPool.USERNAME)))
                .set("idempotencyKey", UUID.randomUUID().toString()))
            .exec(feed(Feeds.randomPair("first", "second", () -> productIds)))
            .exec(
                timed(phase, http("GET /cart").get("/cart").header("Authorization", "Bearer #{token}")
                    .check(status().is(200))),
                timed(phase, putQuantity("#{first}", 2)),
                timed(phase, putQuantity("#{second}", 1)),
                timed(phase, putQuantity("#{first}", 3)
                    .check(jsonPath("$.itemCount").exists())),
                timed(phase, http("POST /orders").post("/orders")
                    .header("Authorization", "Bearer #{token}")
                    .header("Idempotency-Key", "#{idempotencyKey}")
                    .header("Content-Type", "application/json")
                    .body(StringBody("""
                        {"shippingAddress":{"name":"Load Test","line1":"1 Benchmark Way","city":"Springfield","postalCode":"12345","country":"US"}}"""))
                    .check(status().is(201), jsonPath("$.id").saveAs("orderId"))),
                timed(phase, http("GET /orders").get("/orders").queryParam("limit", "10")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.items[0].id").exists())),
                timed(phase, http("GET /orders/{id}").get("/orders/#{orderId}")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200))))
            .exec(session -> {
                shoppers.giveBack(session.getString(ShopperPool.USERNAME));
                return session;
            });
    }

    private static HttpRequestActionBuilder putQuantity(String productId, int quantity) {
        return http("PUT /cart/items/{productId}").put("/cart/items/" + productId)
            .header("Authorization", "Bearer #{token}")
            .header("Content-Type", "application/json")
            .body(StringBody("{\"quantity\":" + quantity + "}"))
            .check(status().is(200));
    }

    @Override
    protected void prepare() {
        Cognito cognito = new Cognito(target.cognitoEndpoint(), target.clientId());
        tokens = new TokenStore(cognito);
        Target.User admin = target.admin();
        String adminToken = tokens.login(admin.username(), admin.password());
        productIds = new ShopData(target.apiUrl()).createProducts(adminToken, RUN_ID,
            Integer.getInteger("shop.products", 10), 10_000_000);

        List<String> usernames = new ArrayList<>();
        if (Boolean.parseBoolean(System.getProperty("shop.signUp", Boolean.toString(target.isInProcess())))) {
            int count = Integer.getInteger("shop.shoppers", Math.max(10, (int) Math.ceil(load.rate() * 2)));
            for (int i = 0; i < count; i++) {
                String username = "perf-" + RUN_ID + "-" + i + "@load.shop.local";
                cognito.signUp(username, PASSWORD);
                tokens.login(username, PASSWORD);
                usernames.add(username);
            }
        } else {
            for (Target.User shopper : target.shoppers()) {
                tokens.login(shopper.username(), shopper.password());
                usernames.add(shopper.username());
            }
        }
        if (usernames.isEmpty()) {
            throw new IllegalStateException("No shoppers: add non-admin users to the stack file or allow -Dshop.signUp=true");
        }
        shoppers.fill(usernames);
        System.out.printf("Shopper journey: %d shoppers, %d products with stock%n", usernames.size(), productIds.size());
    }

    @Override
    protected void release() {
        if (tokens != null) {
            tokens.close();
        }
    }
}
