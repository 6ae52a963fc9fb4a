package dev.shop.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.browser.BrowserShop.Shopper;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.stack.StackInfo;
import org.junit.jupiter.api.Test;

/**
 * How the local stack serves the storefront on its own origin, and the CORS
 * answers that let that origin (and only it) call the API and the identity
 * endpoint, as API Gateway and Cognito answer on AWS.
 */
class StorefrontServingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BrowserShop shop = BrowserShop.get();
    private final StackInfo info = shop.info();
    private final String origin = info.storefrontUrl();

    @Test
    void theStorefrontIsServedWithAConfigNamingTheStacksEndpoints() throws Exception {
        HttpResponse<String> page = get(info.storefrontUrl() + "/");
        HttpResponse<String> module = get(info.storefrontUrl() + "/js/api.js");
        HttpResponse<String> image = get(info.storefrontUrl() + "/images/kitchen.svg");
        HttpResponse<String> config = get(info.storefrontUrl() + "/config.json");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\">");
        assertThat(module.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(image.headers().firstValue("content-type")).hasValue("image/svg+xml");
        JsonNode settings = JSON.readTree(config.body());
        assertThat(settings.path("apiUrl").asText()).isEqualTo(info.apiUrl());
        assertThat(settings.path("cognitoEndpoint").asText()).isEqualTo(info.cognitoEndpoint());
        assertThat(settings.path("clientId").asText()).isEqualTo(info.clientId());
        assertThat(settings.path("userPoolId").asText()).isEqualTo(info.userPoolId());
        assertThat(settings.path("webSocketUrl").asText()).isEqualTo(info.webSocketUrl());
        assertThat(settings.has("users")).as("no passwords in a public file").isFalse();
    }

    @Test
    void theApiDocumentationIsServedWithTheStorefrontFromItsOwnFilesPointedAtThisStacksApi() throws Exception {
        HttpResponse<String> page = get(info.docsUrl());
        HttpResponse<String> bundle = get(info.storefrontUrl() + "/api-docs/swagger-ui-bundle.js");
        HttpResponse<String> document = get(info.storefrontUrl() + "/api-docs/openapi.yaml");

        assertThat(info.docsUrl()).startsWith(info.storefrontUrl() + "/api-docs/")
            .contains("api=" + URLEncoder.encode(info.apiUrl(), StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"swagger-ui-bundle.js\">").doesNotContain("https://");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).startsWith("openapi: 3").contains("/catalog/products/{id}:");
    }

    @Test
    void pathsOutsideTheSiteAreNotServed() throws Exception {
        assertThat(get(info.storefrontUrl() + "/../logback.xml").statusCode()).isEqualTo(404);
        assertThat(get(info.storefrontUrl() + "/js/%2e%2e/%2e%2e/logback.xml").statusCode()).isEqualTo(404);
        assertThat(get(info.storefrontUrl() + "/seed/demo-catalog.json").statusCode()).isEqualTo(404);
        assertThat(get(info.storefrontUrl() + "/no-such-page.html").statusCode()).isEqualTo(404);
    }

    @Test
    void thePreflightOfTheStorefrontsOriginIsAnsweredAsApiGatewayDoes() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(info.apiUrl() + "/orders"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key"));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue(origin);
        assertThat(preflight.headers().firstValue("access-control-allow-methods").orElseThrow()).contains("POST", "PUT", "DELETE");
        assertThat(preflight.headers().firstValue("access-control-allow-headers").orElseThrow().toLowerCase(Locale.ROOT))
            .contains("authorization", "content-type", "if-match", "idempotency-key");
        assertThat(preflight.headers().firstValue("access-control-max-age")).hasValue("3600");
    }

    @Test
    void anotherOriginGetsNoCorsHeaderAtAll() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(info.apiUrl() + "/orders"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "POST"));
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(info.apiUrl() + "/catalog/categories"))
            .header("Origin", "https://evil.example"));

        assertThat(preflight.headers().firstValue("access-control-allow-origin")).isEmpty();
        // The status differs: API Gateway answers 200 (the browser then withholds the body), while locally
        // Micronaut's guard against drive-by requests to localhost refuses a foreign origin with 403.
        assertThat(read.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void responsesToTheStorefrontExposeTheHeadersItReadsAndRefusalsAreReadableToo() throws Exception {
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(info.apiUrl() + "/catalog/categories")).header("Origin", origin));
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(info.apiUrl() + "/cart")).header("Origin", origin));

        assertThat(read.headers().firstValue("access-control-allow-origin")).hasValue(origin);
        assertThat(read.headers().firstValue("access-control-expose-headers").orElseThrow().toLowerCase(Locale.ROOT))
            .contains("etag", "location", "retry-after");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("access-control-allow-origin")).hasValue(origin);
    }

    @Test
    void theIdentityEndpointAnswersTheBrowsersSignInButNotAdministrativeCalls() throws Exception {
        HttpResponse<String> signIn = cognito("InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", info.clientId(),
            "AuthParameters", Map.of("USERNAME", shop.demoAdmin().username(), "PASSWORD", shop.demoAdmin().password())));
        HttpResponse<String> admin = cognito("AdminGetUser", Map.of("UserPoolId", info.userPoolId(), "Username", shop.demoAdmin().username()));

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("access-control-allow-origin")).isPresent();
        assertThat(admin.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void answersThatDependOnTheCallerAreNeverMarkedCacheable() {
        Shopper shopper = shop.newShopper();
        for (String path : new String[] {"/cart", "/orders", "/profile"}) {
            ApiResponse response = shopper.api().get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Cache-Control")).as(path).isNull();
        }
        assertThat(shopper.api().get("/catalog/categories").header("Cache-Control")).isEqualTo("public, max-age=30");
    }

    private HttpResponse<String> cognito(String operation, Map<String, Object> body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(info.cognitoEndpoint()))
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .header("Origin", origin)
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
