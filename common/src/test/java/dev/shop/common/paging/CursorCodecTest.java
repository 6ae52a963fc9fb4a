package dev.shop.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import dev.shop.common.web.ProblemException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec("a-test-secret-of-enough-length");
    private final Map<String, AttributeValue> key = Map.of(
        "PK", AttributeValue.fromS("PRODUCT#01J"), "SK", AttributeValue.fromS("PRODUCT"),
        "inventorySK", AttributeValue.fromN("3"));

    @Test
    void cursorRoundTripsTheLastEvaluatedKey() {
        String cursor = codec.encode("products", key);

        assertThat(codec.decode("products", cursor)).isEqualTo(key);
    }

    @Test
    void noLastKeyMeansNoCursorAndNoCursorMeansFirstPage() {
        assertThat(codec.encode("products", null)).isNull();
        assertThat(codec.encode("products", Map.of())).isNull();
        assertThat(codec.decode("products", null)).isNull();
    }

    @Test
    void cursorIsOpaqueEvenWhenDecoded() {
        String cursor = codec.encode("products", key);
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(cursor).doesNotContain("PRODUCT");
        assertThat(decoded).doesNotContain("PRODUCT").doesNotContain("01J");
    }

    @Test
    void tamperedCursorIsRejectedNamingTheCursor() {
        String cursor = codec.encode("products", key);
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[3] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> codec.decode("products", tampered))
            .isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.problem().status()).isEqualTo(400);
                assertThat(e.problem().detail()).contains("cursor");
            });
    }

    @Test
    void truncatedInventedAndForeignCursorsAreRejected() {
        String cursor = codec.encode("products", key);

        assertThatThrownBy(() -> codec.decode("products", cursor.substring(0, cursor.length() - 4))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode("products", "not a cursor!")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode("products", "")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode("category:books", cursor)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> new CursorCodec("another-secret-of-length").decode("products", cursor)).isInstanceOf(ProblemException.class);
    }

    @Test
    void limitOutsideOneToHundredIsRejected() {
        assertThatThrownBy(() -> codec.pageRequest("products", 0, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.pageRequest("products", 101, null)).isInstanceOf(ProblemException.class);
        assertThat(codec.pageRequest("products", 100, null).limit()).isEqualTo(100);
    }
}
