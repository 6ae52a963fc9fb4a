package dev.shop.floor;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole floor function: one route, one {@code GetItem} of the product's item, its string attributes as JSON.
 * The client is built as the SDK's guide shows, over the CRT client, with the SDK's default region and credential
 * chains; only the endpoint is overridden when {@code SHOP_DYNAMODB_ENDPOINT} is set (DynamoDB Local).
 */
@Controller("/catalog/products")
class FloorController {

    private final DynamoDbClient client;
    private final String tableName = System.getenv("SHOP_TABLE_NAME");

    FloorController() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClientBuilder(AwsCrtHttpClient.builder());
        String endpoint = System.getenv("SHOP_DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        this.client = builder.build();
    }

    @Get("/{id}")
    HttpResponse<Map<String, String>> get(@PathVariable String id) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(tableName)
            .key(Map.of("PK", AttributeValue.fromS("PRODUCT#" + id), "SK", AttributeValue.fromS("PRODUCT")))
            .consistentRead(true)).item();
        if (item.isEmpty()) {
            return HttpResponse.notFound();
        }
        Map<String, String> body = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                body.put(name, value.s());
            }
        });
        return HttpResponse.ok(body);
    }
}
