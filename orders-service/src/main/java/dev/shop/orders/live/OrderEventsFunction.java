package dev.shop.orders.live;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The table stream's consumer: batches of item changes in, partial batch
 * failures out ({@code reportBatchItemFailures}). Wiring only; the rules are
 * in {@link OrderEventConsumer} and {@link StreamChange}.
 */
public final class OrderEventsFunction extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final OrderEventConsumer consumer;

    public OrderEventsFunction() {
        consumer = getApplicationContext().getBean(OrderEventConsumer.class);
        // the push client is built in the init phase (and in a SnapStart snapshot), not on the first event
        getApplicationContext().getBean(ConnectionPusher.class).client();
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent batch) {
        return consumer.consume(batch);
    }
}
