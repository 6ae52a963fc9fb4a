package dev.shop.local.live;

/**
 * What the event source sends to its on-failure destination when a batch has
 * used up its retries: not the records, but where they are in the stream
 * (Lambda's {@code DDBStreamBatchInfo}), so they can be read back while the
 * stream still holds them.
 *
 * @param json the message as Lambda writes it to an SQS on-failure destination
 */
public record DeadLetter(String shardId, String startSequenceNumber, String endSequenceNumber, int batchSize, String json) {
}
