package dev.shop.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.shop.common.logging.LogFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class MetricsTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aLineIsOneEmfDocumentWithItsDimensionValuesAndTheRequestsIds() {
        MDC.put(LogFields.API_REQUEST_ID, "api-1");
        MDC.put(LogFields.REQUEST_ID, "lambda-1");

        String line = Metrics.line("Shop", 1700000000000L, "Route", "GET /cart",
            List.of(new Metrics.Value("Latency", Metrics.Unit.Milliseconds, 12.5)));

        assertThat(line).isEqualTo("{\"_aws\":{\"Timestamp\":1700000000000,\"CloudWatchMetrics\":[{\"Namespace\":\"Shop\","
            + "\"Dimensions\":[[\"Route\"]],\"Metrics\":[{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]}]},"
            + "\"Route\":\"GET /cart\",\"Latency\":12.5,\"requestId\":\"lambda-1\",\"apiRequestId\":\"api-1\"}\n");
    }

    @Test
    void aMetricWithoutDimensionHasOneEmptyDimensionSetAndWholeNumbersStayWhole() {
        String line = Metrics.line("Shop", 1L, null, null, List.of(
            new Metrics.Value("OrdersPlaced", Metrics.Unit.Count, 1),
            new Metrics.Value("OrderValueCents", Metrics.Unit.None, 4599)));

        assertThat(line).contains("\"Dimensions\":[[]]", "{\"Name\":\"OrdersPlaced\",\"Unit\":\"Count\"},"
            + "{\"Name\":\"OrderValueCents\",\"Unit\":\"None\"}", "\"OrdersPlaced\":1,\"OrderValueCents\":4599}");
    }

    @Test
    void theNamespaceDefaultsToShop() {
        assertThat(Metrics.namespace(null)).isEqualTo("Shop");
        assertThat(Metrics.namespace(" shop-staging ")).isEqualTo("shop-staging");
    }

    @Test
    void cartWritesAndStockAdjustmentsAreReadOffTheRouteTable() {
        assertThat(RouteMetrics.onSuccess("PUT /cart/items/{productId}")).contains(ShopMetrics.CART_WRITES);
        assertThat(RouteMetrics.onSuccess("DELETE /cart")).contains(ShopMetrics.CART_WRITES);
        assertThat(RouteMetrics.onSuccess("GET /cart")).isEmpty();
        assertThat(RouteMetrics.onSuccess("POST /catalog/products/{id}/stock/adjustments")).contains(ShopMetrics.STOCK_ADJUSTMENTS);
        assertThat(RouteMetrics.onSuccess("PUT /catalog/products/{id}/stock")).contains(ShopMetrics.STOCK_ADJUSTMENTS);
        assertThat(RouteMetrics.onSuccess("POST /orders")).isEmpty();
        assertThat(RouteMetrics.onSuccess(null)).isEmpty();
    }
}
