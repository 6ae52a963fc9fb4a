package dev.shop.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.shop.api.client.CartApi;
import dev.shop.api.client.CatalogApi;
import dev.shop.api.client.OrdersApi;
import dev.shop.api.client.invoker.ApiClient;
import dev.shop.api.client.invoker.ApiException;
import dev.shop.api.client.model.Address;
import dev.shop.api.client.model.Cart;
import dev.shop.api.client.model.CheckoutRequest;
import dev.shop.api.client.model.Order;
import dev.shop.api.client.model.OrderStatus;
import dev.shop.api.client.model.PageProduct;
import dev.shop.api.client.model.Product;
import dev.shop.api.client.model.ProductBody;
import dev.shop.api.client.model.Profile;
import dev.shop.api.client.model.ProfileUpdate;
import dev.shop.api.client.model.QuantityChange;
import dev.shop.api.client.model.StatusChange;
import dev.shop.api.client.model.StockBodiesAdjustment;
import dev.shop.api.client.model.StockBodiesSetStock;
import dev.shop.common.routes.Routes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client generated from docs/api/openapi.yaml (the api module) drives every route of
 * {@code Routes.ALL} against the in-memory local stack, as a storefront or an admin tool would: the
 * document is complete enough to generate a working client from, and the stack answers what it says.
 */
class ApiContractSmokeTest {

    @TempDir
    static Path output;

    private static ShopLocal shop;
    private static final Set<String> CALLED = new TreeSet<>();

    @BeforeAll
    static void start() {
        shop = ShopLocal.start(StackOptions.inMemory(output, Path.of(System.getProperty("shop.lambdas"))));
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void generatedClientCallsEveryRoute() throws ApiException {
        CatalogApi anonymousCatalog = new CatalogApi(client(null));
        ApiClient admin = client(SignIn.accessToken(shop.info(), "admin@shop.local", "Admin-Passw0rd!"));
        ApiClient shopper = client(SignIn.accessToken(shop.info(), "shopper@shop.local", "Shopper-Passw0rd!"));
        CatalogApi adminCatalog = new CatalogApi(admin);
        CartApi cart = new CartApi(shopper);
        OrdersApi orders = new OrdersApi(shopper);
        CartApi adminCart = new CartApi(admin);
        OrdersApi adminOrders = new OrdersApi(admin);

        assertThat(called("GET /catalog/categories", anonymousCatalog.getCatalogCategories()).getItems()).isNotEmpty();
        PageProduct page = called("GET /catalog/products", anonymousCatalog.getCatalogProducts(null, 2, null));
        assertThat(page.getItems()).hasSize(2);
        assertThat(page.getNextCursor()).isNotNull();

        Product created = called("POST /catalog/products", adminCatalog.postCatalogProducts(new ProductBody()
            .sku("SMOKE-1").name("Contract smoke").description("Made by the generated client").category("smoke")
            .priceCents(1250L).initialStock(5L)));
        String id = created.getId();
        assertThat(called("GET /catalog/products/{id}", anonymousCatalog.getCatalogProductsById(id)).getSku()).isEqualTo("SMOKE-1");
        Product renamed = called("PUT /catalog/products/{id}", adminCatalog.putCatalogProductsById(id, new ProductBody()
            .sku("SMOKE-1").name("Contract smoke, renamed").category("smoke").priceCents(1300L), "\"" + created.getVersion() + "\""));
        assertThat(renamed.getName()).isEqualTo("Contract smoke, renamed");
        assertThat(called("PUT /catalog/products/{id}/stock",
            adminCatalog.putCatalogProductsByIdStock(id, new StockBodiesSetStock().available(10L))).getAvailable()).isEqualTo(10L);
        assertThat(called("POST /catalog/products/{id}/stock/adjustments", adminCatalog.postCatalogProductsByIdStockAdjustments(id,
            new StockBodiesAdjustment().delta(-1L).reason("contract smoke"))).getAvailable()).isEqualTo(9L);
        assertThat(called("GET /catalog/admin/low-stock", adminCatalog.getCatalogAdminLowStock(9L, 100, null)).getItems())
            .anyMatch(entry -> entry.getProductId().equals(id));

        called("PUT /cart/items/{productId}", cart.putCartItemsByProductId(id, new QuantityChange().quantity(2)));
        Cart emptied = called("DELETE /cart/items/{productId}", cart.deleteCartItemsByProductId(id));
        assertThat(emptied.getItems()).isEmpty();
        cart.putCartItemsByProductId(id, new QuantityChange().quantity(1));
        assertThat(called("GET /cart", cart.getCart()).getItemCount()).isEqualTo(1L);
        assertThat(called("GET /cart/admin/abandoned", adminCart.getCartAdminAbandoned(0, 100, null)).getItems()).isNotEmpty();

        Address address = new Address().name("Ada Lovelace").line1("1 Analytical Way").city("London")
            .postalCode("N1 9GU").country("GB");
        Order placed = called("POST /orders", orders.postOrders(new CheckoutRequest().shippingAddress(address), "smoke-1"));
        assertThat(placed.getStatus()).isEqualTo(OrderStatus.PLACED);
        assertThat(orders.postOrders(new CheckoutRequest().shippingAddress(address), "smoke-1").getId())
            .as("the same key again is the same order").isEqualTo(placed.getId());
        assertThat(called("GET /orders", orders.getOrders(20, null)).getItems()).extracting(Order::getId).contains(placed.getId());
        Order read = called("GET /orders/{id}", orders.getOrdersById(placed.getId()));
        assertThat(called("PUT /orders/{id}/status", adminOrders.putOrdersByIdStatus(placed.getId(),
            new StatusChange().status("SHIPPED"), "\"" + read.getVersion() + "\"")).getStatus()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(called("GET /orders/admin", adminOrders.getOrdersAdmin("SHIPPED", 20, null)).getItems())
            .extracting(Order::getId).contains(placed.getId());

        cart.putCartItemsByProductId(id, new QuantityChange().quantity(1));
        Order second = orders.postOrders(new CheckoutRequest().shippingAddress(address), "smoke-2");
        assertThat(called("POST /orders/{id}/cancel", orders.postOrdersByIdCancel(second.getId(), null)).getStatus())
            .isEqualTo(OrderStatus.CANCELLED);
        cart.putCartItemsByProductId(id, new QuantityChange().quantity(1));
        cart.deleteCart();
        CALLED.add("DELETE /cart");
        assertThat(cart.getCart().getItems()).isEmpty();

        Profile profile = called("GET /profile", orders.getProfile());
        Profile saved = called("PUT /profile", orders.putProfile(new ProfileUpdate().displayName("Smoke Shopper")
            .email(profile.getEmail()).addresses(List.of(address)), null));
        assertThat(saved.getDisplayName()).isEqualTo("Smoke Shopper");
        assertThat(called("GET /profile/admin", adminOrders.getProfileAdmin(profile.getEmail())).getUserId())
            .isEqualTo(profile.getUserId());

        adminCatalog.deleteCatalogProductsById(id, null);
        CALLED.add("DELETE /catalog/products/{id}");
        assertThatThrownBy(() -> anonymousCatalog.getCatalogProductsById(id))
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

        assertThat(CALLED).containsExactlyInAnyOrderElementsOf(Routes.ALL.stream().map(route -> route.routeKey()).toList());
    }

    private static <T> T called(String routeKey, T result) {
        CALLED.add(routeKey);
        return result;
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(shop.info().apiUrl());
        // a member the document does not name fails the call
        client.setObjectMapper(ApiClient.createDefaultObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
