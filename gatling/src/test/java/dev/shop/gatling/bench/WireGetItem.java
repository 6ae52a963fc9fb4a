package dev.shop.gatling.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.common.table.Keys;
import org.apache.http.Header;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.message.BasicHeader;
import org.apache.http.util.EntityUtils;

/**
 * The floor of a product read: DynamoDB's {@code GetItem} as bytes on the wire, with no SDK on this side. Every
 * product's request body (the JSON protocol's {@code DynamoDB_20120810.GetItem}, the same key and consistent read
 * as the catalog function's) is serialized once, up front; a read is one POST of those bytes on a kept-alive
 * connection and a check that the answer holds the item. DynamoDB Local reads the access key and region from the
 * {@code Authorization} header (they name its database) but does not verify the signature, so the header is
 * written once too. What remains is the round trip itself: HTTP, DynamoDB Local's work, the bytes back.
 */
final class WireGetItem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;
    private final Header[] headers;
    private final Map<String, byte[]> bodies = new LinkedHashMap<>();

    WireGetItem(String endpoint, String region, String accessKey, String table, List<String> productIds) {
        this.endpoint = endpoint;
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String date = now.format(DateTimeFormatter.BASIC_ISO_DATE);
        this.headers = new Header[] {
            new BasicHeader("Content-Type", "application/x-amz-json-1.0"),
            new BasicHeader("X-Amz-Target", "DynamoDB_20120810.GetItem"),
            new BasicHeader("X-Amz-Date", now.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))),
            new BasicHeader("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + date + "/" + region
                + "/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="
                + "0".repeat(64)),
        };
        for (String id : productIds) {
            ObjectNode body = JSON.createObjectNode();
            body.put("TableName", table);
            ObjectNode key = body.putObject("Key");
            Keys.product(id).toAttributeMap().forEach((name, value) -> key.putObject(name).put("S", value.s()));
            body.put("ConsistentRead", true);
            try {
                bodies.put(id, JSON.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One GetItem of the product on the client's kept-alive connection; fails unless DynamoDB returns the item. */
    void read(CloseableHttpClient client, String productId) {
        HttpPost post = new HttpPost(endpoint);
        post.setHeaders(headers);
        post.setEntity(new ByteArrayEntity(bodies.get(productId)));
        try (CloseableHttpResponse response = client.execute(post)) {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getStatusLine().getStatusCode() != 200 || !body.startsWith("{\"Item\"")) {
                throw new IllegalStateException("GetItem of " + productId + " answered " + response.getStatusLine() + ": " + body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
