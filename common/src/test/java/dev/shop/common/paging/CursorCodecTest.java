package dev.shop.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.shop.common.web.ProblemException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorCodecTest {

    private static final CursorScope PRODUCTS = CursorScope.of("catalog/products").with("category", null);

    private final CursorCodec codec = new CursorCodec("a-test-secret-of-enough-length");
    private final Map<String, AttributeValue> key = Map.of(
        "PK", AttributeValue.fromS("PRODUCT#01J"), "SK", AttributeValue.fromS("PRODUCT"),
        "inventorySK", AttributeValue.fromN("3"));

    @Test
    void cursorRoundTripsTheLastEvaluatedKey() {
        String cursor = codec.encode(PRODUCTS, key);

        assertThat(codec.decode(PRODUCTS, cursor)).isEqualTo(key);
    }

    @Test
    void noLastKeyMeansNoCursorAndNoCursorMeansFirstPage() {
        assertThat(codec.encode(PRODUCTS, null)).isNull();
        assertThat(codec.encode(PRODUCTS, Map.of())).isNull();
        assertThat(codec.decode(PRODUCTS, null)).isNull();
    }

    @Test
    void cursorIsOpaqueEvenWhenDecoded() {
        String cursor = codec.encode(PRODUCTS, key);
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);

        assertThat(cursor).doesNotContain("PRODUCT");
        assertThat(decoded).doesNotContain("PRODUCT").doesNotContain("01J");
    }

    @Test
    void tamperedCursorIsRejectedNamingTheCursor() {
        String cursor = codec.encode(PRODUCTS, key);
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[3] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> codec.decode(PRODUCTS, tampered))
            .isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.problem().status()).isEqualTo(400);
                assertThat(e.problem().detail()).contains("cursor");
            });
    }

    @Test
    void truncatedInventedAndForeignCursorsAreRejected() {
        String cursor = codec.encode(PRODUCTS, key);

        assertThatThrownBy(() -> codec.decode(PRODUCTS, cursor.substring(0, cursor.length() - 4))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode(PRODUCTS, "not a cursor!")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode(PRODUCTS, "")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode(CursorScope.of("catalog/admin/low-stock"), cursor)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> new CursorCodec("another-secret-of-length").decode(PRODUCTS, cursor)).isInstanceOf(ProblemException.class);
    }

    @Test
    void limitOutsideOneToHundredIsRejected() {
        assertThatThrownBy(() -> codec.pageRequest(PRODUCTS, 0, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.pageRequest(PRODUCTS, 101, null)).isInstanceOf(ProblemException.class);
        assertThat(codec.pageRequest(PRODUCTS, 100, null).limit()).isEqualTo(100);
    }

    @Test
    void aCursorReplayedWithAnyOtherShapingParameterIsRejected() {
        CursorScope idleAnHour = CursorScope.of("cart/admin/abandoned").with("idleMinutes", 60);
        String cursor = codec.encode(idleAnHour, key);

        assertThat(codec.decode(CursorScope.of("cart/admin/abandoned").with("idleMinutes", 60), cursor)).isEqualTo(key);
        assertThatThrownBy(() -> codec.decode(CursorScope.of("cart/admin/abandoned").with("idleMinutes", 100_000), cursor))
            .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode(CursorScope.of("cart/admin/abandoned"), cursor)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode(idleAnHour.with("extra", null), cursor)).isInstanceOf(ProblemException.class);
    }

    @Test
    void scopesThatConcatenateAlikeStayDistinct() {
        String cursor = codec.encode(CursorScope.of("listing").with("a", "b=c"), key);

        assertThatThrownBy(() -> codec.decode(CursorScope.of("listing").with("a=b", "c"), cursor)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode(CursorScope.of("listing").with("a", null).with("b", "c"), cursor))
            .isInstanceOf(ProblemException.class);
    }

    @Test
    void anAbsentParameterIsNotAnEmptyOne() {
        String cursor = codec.encode(CursorScope.of("catalog/products").with("category", null), key);

        assertThatThrownBy(() -> codec.decode(CursorScope.of("catalog/products").with("category", ""), cursor))
            .isInstanceOf(ProblemException.class);
    }
}
