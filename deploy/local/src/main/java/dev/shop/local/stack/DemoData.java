package dev.shop.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.identity.LocalIdentityProvider;

/**
 * The demo users and catalog. Products go in through the public API as the
 * admin, exactly as an admin tool would add them, so seeding follows every
 * rule of catalog-service and writes nothing the services could not.
 */
final class DemoData {

    static final List<StackInfo.DemoUser> USERS = List.of(
        new StackInfo.DemoUser("admin@shop.local", "Admin-Passw0rd!", Set.of("admin")),
        new StackInfo.DemoUser("shopper@shop.local", "Shopper-Passw0rd!", Set.of()));

    private static final String CATALOG = "/seed/demo-catalog.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoData() {
    }

    static void seedUsers(LocalIdentityProvider identity) {
        for (StackInfo.DemoUser user : USERS) {
            identity.ensureUser(user.username(), user.password(), user.username(), user.groups());
        }
    }

    /** Adds the demo catalog when the shop has no product yet; returns how many were added. */
    static int seedCatalog(ApiClient admin) {
        ApiResponse existing = admin.get("/catalog/products?limit=1");
        if (existing.status() != 200) {
            throw new IllegalStateException("Cannot list products to decide on seeding: " + existing);
        }
        if (existing.json().path("items").size() > 0) {
            return 0;
        }
        int added = 0;
        for (JsonNode product : catalog()) {
            ApiResponse created = admin.post("/catalog/products", product);
            if (created.status() != 201 && created.status() != 409) {
                throw new IllegalStateException("Seeding " + product.path("sku").asText() + " failed: " + created);
            }
            added += created.status() == 201 ? 1 : 0;
        }
        return added;
    }

    static JsonNode catalog() {
        try (InputStream in = DemoData.class.getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is missing from the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
