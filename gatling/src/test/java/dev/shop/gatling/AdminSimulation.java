package dev.shop.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * An admin's back office: the low-stock page, a restock and a correction (two atomic stock
 * adjustments), the placed orders, one order shipped and delivered, and the abandoned carts.
 *
 * <p>Set-up signs the admin in, creates products (some of them low on stock so the low-stock page is
 * not empty), leaves carts behind and places one order per arrival, so every arrival ships an order
 * of its own: two admins racing on one order would see the contract's 409, which is not what this
 * simulation measures.
 */
public class AdminSimulation extends ShopSimulation {

    private final Queue<String> placedOrders = new ConcurrentLinkedQueue<>();
    private volatile List<String> productIds;
    private volatile String adminToken;

    public AdminSimulation() {
        super(1);
        run("Admin", this::backOffice);
    }

    private ScenarioBuilder backOffice(String phase) {
        return scenario("Admin " + phase)
            .feed(orders())
            .exec(feed(Feeds.random("productId", () -> productIds)))
            .exec(session -> session.set("token", adminToken))
            .exec(
                timed(phase, http("GET /catalog/admin/low-stock").get("/catalog/admin/low-stock")
                    .queryParam("threshold", "5").queryParam("limit", "20")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.items").exists())),
                timed(phase, adjustStock(5, "restock")),
                timed(phase, adjustStock(-5, "count correction")),
                timed(phase, http("GET /orders/admin?status=PLACED").get("/orders/admin")
                    .queryParam("status", "PLACED").queryParam("limit", "20")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200))),
                timed(phase, setStatus("SHIPPED")),
                timed(phase, setStatus("DELIVERED")),
                timed(phase, http("GET /cart/admin/abandoned").get("/cart/admin/abandoned")
                    .queryParam("idleMinutes", "0").queryParam("limit", "20")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.items").exists())));
    }

    private static HttpRequestActionBuilder adjustStock(int delta, String reason) {
        return http("POST /catalog/products/{id}/stock/adjustments").post("/catalog/products/#{productId}/stock/adjustments")
            .header("Authorization", "Bearer #{token}")
            .header("Content-Type", "application/json")
            .body(StringBody("{\"delta\":" + delta + ",\"reason\":\"" + reason + "\"}"))
            .check(status().is(200));
    }

    private static HttpRequestActionBuilder setStatus(String status) {
        return http("PUT /orders/{id}/status").put("/orders/#{orderId}/status")
            .header("Authorization", "Bearer #{token}")
            .header("Content-Type", "application/json")
            .body(StringBody("{\"status\":\"" + status + "\"}"))
            .check(status().is(200), jsonPath("$.status").is(status));
    }

    /** Each placed order once; running out means set-up placed too few for the profile. */
    private Iterator<Map<String, Object>> orders() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                String orderId = placedOrders.poll();
                if (orderId == null) {
                    throw new IllegalStateException("No placed order left for the admin to ship: set-up made too few");
                }
                return Map.of("orderId", orderId);
            }
        };
    }

    @Override
    protected void prepare() {
        Cognito cognito = new Cognito(target.cognitoEndpoint(), target.clientId());
        Target.User admin = target.admin();
        adminToken = cognito.login(admin.username(), admin.password()).accessToken();
        ShopData data = new ShopData(target.apiUrl());
        // plenty of stock for the adjustments and the orders; three more nearly sold out for the low-stock page
        productIds = data.createProducts(adminToken, RUN_ID, 5, 1_000_000);
        List<String> lowStock = data.createProducts(adminToken, RUN_ID, 3, 2);

        String shopperToken;
        if (Boolean.parseBoolean(System.getProperty("shop.signUp", Boolean.toString(target.isInProcess())))) {
            String username = "perf-" + RUN_ID + "-admin-orders@load.shop.local";
            String password = "Perf-Passw0rd-" + RUN_ID;
            cognito.signUp(username, password);
            shopperToken = cognito.login(username, password).accessToken();
        } else {
            Target.User shopper = target.shoppers().stream().findFirst().orElseThrow(() ->
                new IllegalStateException("The admin mix needs a shopper to place orders: add one to the stack file"));
            shopperToken = cognito.login(shopper.username(), shopper.password()).accessToken();
        }
        int orders = load.maxArrivals() + 5;
        for (int i = 0; i < orders; i++) {
            placedOrders.add(data.placeOrder(shopperToken, productIds.get(i % productIds.size())));
        }
        data.fillCart(shopperToken, lowStock.get(0));
        System.out.printf("Admin: %d placed orders to ship, %d products%n", orders, productIds.size() + lowStock.size());
    }
}
