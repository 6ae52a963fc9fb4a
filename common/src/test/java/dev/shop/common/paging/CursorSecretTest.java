package dev.shop.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorSecretTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:CursorSecret-AbCdEf";
    private static final String VALUE = "value-kept-in-secrets-manager-0123456789";
    private static final Map<String, AttributeValue> KEY = Map.of("PK", AttributeValue.fromS("PRODUCT#1"));

    @Test
    void aConfiguredSecretIsUsedAsItIs() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("shop.cursor.secret", VALUE))) {
            String cursor = context.getBean(CursorCodec.class).encode(CursorScope.of("products"), KEY);

            assertThat(new CursorCodec(VALUE).decode(CursorScope.of("products"), cursor)).isEqualTo(KEY);
        }
    }

    @Test
    void withOnlyAnArnTheSecretIsReadFromSecretsManagerOnceWhileTheContextStarts() throws IOException {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer secretsManager = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secretsManager.createContext("/", exchange -> {
            requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"ARN\":\"" + ARN + "\",\"Name\":\"CursorSecret\",\"SecretString\":\"" + VALUE + "\"}")
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        secretsManager.start();
        Map<String, String> aws = Map.of(
            "aws.endpointUrlSecretsManager", "http://127.0.0.1:" + secretsManager.getAddress().getPort(),
            "aws.region", "eu-central-1",
            "aws.accessKeyId", "AKIDEXAMPLE",
            "aws.secretAccessKey", "secret-for-the-test");
        aws.forEach(System::setProperty);
        try (ApplicationContext context = ApplicationContext.run(Map.of("shop.cursor.secret-arn", ARN))) {
            assertThat(requests).as("read at start-up, before any bean asked for it").hasSize(1);
            assertThat(requests.get(0)).startsWith("secretsmanager.GetSecretValue ").contains("\"SecretId\":\"" + ARN + "\"");

            String cursor = context.getBean(CursorCodec.class).encode(CursorScope.of("products"), KEY);

            assertThat(new CursorCodec(VALUE).decode(CursorScope.of("products"), cursor)).isEqualTo(KEY);
            assertThat(requests).hasSize(1);
        } finally {
            aws.keySet().forEach(System::clearProperty);
            secretsManager.stop(0);
        }
    }

    @Test
    void withNeitherACursorCodecCannotBeCreatedAndSaysWhatToConfigure() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThatThrownBy(() -> context.getBean(CursorCodec.class))
                .rootCause().hasMessageContaining("shop.cursor.secret").hasMessageContaining("shop.cursor.secret-arn");
        }
    }
}
