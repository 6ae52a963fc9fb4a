package dev.shop.common.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StockExpressionsTest {

    @Test
    void everyChangeOfAvailableMovesTheInventoryKeyByTheSameExpression() {
        assertThat(StockExpressions.takeFromAvailable(":q"))
            .isEqualTo("#available = #available - :q, #inventorySK = #available - :q");
        assertThat(StockExpressions.addToAvailable(":q"))
            .isEqualTo("#available = #available + :q, #inventorySK = #available + :q");
        assertThat(StockExpressions.setAvailable(":units")).isEqualTo("#available = :units, #inventorySK = :units");
        assertThat(StockExpressions.mirrorAvailable()).isEqualTo("#inventorySK = #available");
    }

    @Test
    void theNamesResolveToTheStockAttributeAndTheIndexSortKey() {
        assertThat(StockExpressions.namesWith(Map.of("#pk", ShopTable.PK)))
            .containsEntry("#available", ProductAttributes.AVAILABLE)
            .containsEntry("#inventorySK", ShopTable.INVENTORY.sortKey())
            .containsEntry("#pk", ShopTable.PK);
    }
}
