package dev.shop.orders.live;

/** One open WebSocket connection of a signed-in user. */
record LiveConnection(String userId, String connectionId) {
}
