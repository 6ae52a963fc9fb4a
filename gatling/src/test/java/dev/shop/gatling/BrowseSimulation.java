package dev.shop.gatling;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.List;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;

/**
 * Anonymous catalog traffic, weighted the way a storefront is read: mostly product pages, then
 * category listings (with the next page through its cursor and a product picked from the page),
 * the category menu and the unfiltered listing. Each arrival is one visit of one of these kinds.
 * Category pages are small (6) so that even the demo catalog's categories have a next page to walk.
 *
 * <p>{@code -Dshop.rate} is arrivals per second; a visit averages about 1.5 requests.
 */
public class BrowseSimulation extends ShopSimulation {

    private volatile List<String> productIds;
    private volatile List<String> categories;

    public BrowseSimulation() {
        super(10);
        run("Browse", this::browse);
    }

    private ScenarioBuilder browse(String phase) {
        ChainBuilder productDetails = exec(feed(Feeds.random("productId", () -> productIds)),
            timed(phase, http("GET /catalog/products/{id}").get("/catalog/products/#{productId}").check(status().is(200))));

        ChainBuilder categoryWalk = exec(feed(Feeds.random("category", () -> categories)),
            timed(phase, http("GET /catalog/products?category").get("/catalog/products")
                .queryParam("category", "#{category}").queryParam("limit", "6")
                .check(status().is(200))
                .check(jsonPath("$.items[*].id").findRandom().saveAs("pickedId"))
                .check(jsonPath("$.nextCursor").optional().saveAs("cursor"))),
            doIf(BrowseSimulation::hasCursor).then(
                timed(phase, http("GET /catalog/products?category&cursor").get("/catalog/products")
                    .queryParam("category", "#{category}").queryParam("limit", "6").queryParam("cursor", "#{cursor}")
                    .check(status().is(200)))),
            timed(phase, http("GET /catalog/products/{id}").get("/catalog/products/#{pickedId}").check(status().is(200))));

        ChainBuilder menu = timed(phase, http("GET /catalog/categories").get("/catalog/categories")
            .check(status().is(200), jsonPath("$.items[0].id").exists()));

        ChainBuilder allProducts = timed(phase, http("GET /catalog/products").get("/catalog/products")
            .queryParam("limit", "20").check(status().is(200)));

        return scenario("Browse " + phase).exec(randomSwitch().on(
            percent(55.0).then(productDetails),
            percent(25.0).then(categoryWalk),
            percent(12.0).then(menu),
            percent(8.0).then(allProducts)));
    }

    /** {@code nextCursor} is JSON null on the last page; Gatling saves that as absent or null. */
    private static boolean hasCursor(Session session) {
        if (!session.contains("cursor")) {
            return false;
        }
        String cursor = session.getString("cursor");
        return cursor != null && !cursor.isBlank() && !"null".equals(cursor);
    }

    @Override
    protected void prepare() {
        ShopData data = new ShopData(target.apiUrl());
        productIds = data.productIds(5_000);
        categories = data.categories();
        System.out.printf("Browse: %d products in %d categories%n", productIds.size(), categories.size());
    }
}
