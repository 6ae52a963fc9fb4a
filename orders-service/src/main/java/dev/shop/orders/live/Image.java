package dev.shop.orders.live;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;

/** One side of a stream record (its old or new image), read by attribute name. */
record Image(Map<String, AttributeValue> attributes) {

    static Image of(Map<String, AttributeValue> attributes) {
        return new Image(attributes == null ? Map.of() : attributes);
    }

    boolean exists() {
        return !attributes.isEmpty();
    }

    boolean has(String name) {
        AttributeValue value = attributes.get(name);
        return value != null && !Boolean.TRUE.equals(value.getNULL());
    }

    Optional<String> string(String name) {
        AttributeValue value = attributes.get(name);
        return Optional.ofNullable(value == null ? null : value.getS());
    }

    OptionalLong number(String name) {
        AttributeValue value = attributes.get(name);
        if (value == null || value.getN() == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.getN()));
        } catch (NumberFormatException fraction) {
            throw new UnreadableRecord("attribute " + name + " is not a whole number: " + value.getN());
        }
    }

    String requiredString(String name) {
        return string(name).filter(value -> !value.isBlank())
            .orElseThrow(() -> new UnreadableRecord("attribute " + name + " is missing or not a string"));
    }

    long requiredNumber(String name) {
        OptionalLong value = number(name);
        if (value.isEmpty()) {
            throw new UnreadableRecord("attribute " + name + " is missing or not a number");
        }
        return value.getAsLong();
    }
}
