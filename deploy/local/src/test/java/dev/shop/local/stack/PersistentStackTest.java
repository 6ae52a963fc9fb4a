package dev.shop.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.client.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's stack keeps its data on disk: a restart finds the same users and catalog and seeds nothing twice. */
class PersistentStackTest {

    @TempDir
    Path state;

    @Test
    void restartKeepsUsersAndCatalogAndDoesNotSeedTwice() {
        StackOptions options = new StackOptions(Optional.of(state), state, 0, 0, 0, 0,
            Path.of(System.getProperty("shop.lambdas")), true);

        int firstCount;
        String productId;
        try (ShopLocal first = ShopLocal.start(options)) {
            firstCount = countProducts(first);
            productId = first.client().get("/catalog/products?limit=1").json().path("items").get(0).path("id").asText();
        }
        assertThat(Files.exists(state.resolve("dynamodb"))).isTrue();
        assertThat(Files.exists(state.resolve("identity"))).isTrue();

        try (ShopLocal second = ShopLocal.start(options)) {
            assertThat(countProducts(second)).isEqualTo(firstCount);
            assertThat(second.client().get("/catalog/products/" + productId).status()).isEqualTo(200);
            StackInfo.DemoUser shopper = second.info().users().get(1);
            String token = loginThroughTheRestartedEndpoint(second, shopper);
            assertThat(second.client().withToken(token).get("/cart").status()).isEqualTo(200);
        }
    }

    @Test
    void secretsAreOwnerOnlyEvenWhereTheyWereLeftReadableAndTheCredentialsSurviveARestart() throws Exception {
        StackOptions options = new StackOptions(Optional.of(state), state, 0, 0, 0, 0,
            Path.of(System.getProperty("shop.lambdas")), true);
        Files.createDirectories(state);
        Files.writeString(state.resolve("cursor-secret"), "an-old-cursor-secret");
        loosen(state);

        String accessKeyId;
        try (ShopLocal first = ShopLocal.start(options)) {
            accessKeyId = first.info().accessKeyId();
        }
        loosen(state);
        try (ShopLocal second = ShopLocal.start(options)) {
            assertThat(second.info().accessKeyId()).isEqualTo(accessKeyId);
            JsonNode stack = new ObjectMapper().readTree(state.resolve("stack.json").toFile());
            assertThat(stack.path("accessKeyId").asText()).isEqualTo(accessKeyId);
            assertThat(stack.path("secretAccessKey").asText()).hasSize(40);
        }

        for (String dir : List.of("", "identity", "dynamodb")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(dir))))
                .as(dir).isEqualTo("rwx------");
        }
        for (String file : List.of("cursor-secret", "stack.json", "identity/admin-credentials.json",
            "identity/signing-key.json", "identity/users.json")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(file))))
                .as(file).isEqualTo("rw-------");
        }
    }

    /** What a umask of 022 or a careless chmod leaves: everyone may read. */
    private static void loosen(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** The password set before the restart still works: the identity provider kept its users and key. */
    private static String loginThroughTheRestartedEndpoint(ShopLocal shop, StackInfo.DemoUser user) {
        var response = ApiClient.forOtherUrl(shop.info().cognitoEndpoint())
            .withHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
            .send("POST", "/", "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + shop.info().clientId()
                + "\",\"AuthParameters\":{\"USERNAME\":\"" + user.username() + "\",\"PASSWORD\":\"" + user.password() + "\"}}",
                "application/x-amz-json-1.1");
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("AuthenticationResult").path("AccessToken").asText();
    }

    private static int countProducts(ShopLocal shop) {
        int count = 0;
        for (var category : shop.client().get("/catalog/categories").json().path("items")) {
            count += category.path("productCount").asInt();
        }
        return count;
    }
}
