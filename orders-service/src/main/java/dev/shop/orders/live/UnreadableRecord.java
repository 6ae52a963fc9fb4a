package dev.shop.orders.live;

/**
 * A stream record of a handled item type that cannot be turned into an event
 * (an order without a known status, say): a poison record. It fails its batch
 * item, so the event source retries it and finally sends it to the on-failure
 * destination, instead of the consumer guessing.
 */
final class UnreadableRecord extends RuntimeException {

    UnreadableRecord(String message) {
        super(message);
    }
}
