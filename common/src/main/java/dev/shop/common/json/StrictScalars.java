package dev.shop.common.json;

import java.io.IOException;
import java.math.BigInteger;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Serde;
import io.micronaut.serde.Encoder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Strict JSON scalars for every request body of every service. Micronaut
 * Serde's defaults coerce: {@code "5"} and {@code 5.7} both become the long
 * 5, {@code true} becomes 1 and {@code 5} becomes the string "5". The
 * contract wants such input refused (400), never truncated or converted, so
 * these deserializers replace the defaults and accept only the JSON type that
 * matches: an integral number for integers, a string for strings, a boolean
 * for booleans.
 */
@Factory
final class StrictScalars {

    @Singleton
    Serde<Long> strictLong() {
        return new StrictSerde<>() {
            @Override
            public Long deserialize(Decoder decoder, DecoderContext context, Argument<? super Long> type) throws IOException {
                return integral(decoder, type, Long.MIN_VALUE, Long.MAX_VALUE).longValue();
            }

            @Override
            public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Long> type, Long value) throws IOException {
                encoder.encodeLong(value);
            }
        };
    }

    @Singleton
    Serde<Integer> strictInteger() {
        return new StrictSerde<>() {
            @Override
            public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
                return integral(decoder, type, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
            }

            @Override
            public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Integer> type, Integer value) throws IOException {
                encoder.encodeInt(value);
            }
        };
    }

    @Singleton
    Serde<String> strictString() {
        return new StrictSerde<>() {
            @Override
            public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
                JsonNode node = decoder.decodeNode();
                if (!node.isString()) {
                    throw refused(decoder, type, "must be a string");
                }
                return node.getStringValue();
            }

            @Override
            public void serialize(Encoder encoder, EncoderContext context, Argument<? extends String> type, String value) throws IOException {
                encoder.encodeString(value);
            }
        };
    }

    @Singleton
    Serde<Boolean> strictBoolean() {
        return new StrictSerde<>() {
            @Override
            public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
                JsonNode node = decoder.decodeNode();
                if (!node.isBoolean()) {
                    throw refused(decoder, type, "must be true or false");
                }
                return node.getBooleanValue();
            }

            @Override
            public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Boolean> type, Boolean value) throws IOException {
                encoder.encodeBoolean(value);
            }
        };
    }

    /** An integral JSON number within range; {@code 5.0}, {@code 1e2} and {@code "5"} are refused. */
    static BigInteger integral(Decoder decoder, Argument<?> type, long min, long max) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (!node.isNumber()) {
            throw refused(decoder, type, "must be an integer");
        }
        Number number = node.getNumberValue();
        BigInteger value;
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            value = BigInteger.valueOf(number.longValue());
        } else if (number instanceof BigInteger big) {
            value = big;
        } else {
            // a float token (5.5, 5.0, 1e2): not an integer as written
            throw refused(decoder, type, "must be an integer");
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw refused(decoder, type, "is out of range");
        }
        return value;
    }

    /**
     * The message carries the property's name in a fixed form that
     * {@code BodyDecodingErrors} reads back, so the 400 can name the field.
     */
    static IOException refused(Decoder decoder, Argument<?> property, String reason) {
        return decoder.createDeserializationException(FIELD_MARKER + property.getName() + "] " + reason, null);
    }

    /** Prefix of a refusal message, followed by the property name and {@code ]}. */
    static final String FIELD_MARKER = "[shop-field:";

    /** Nulls stay nulls (bean validation reports missing values); only present values are checked. */
    private abstract static class StrictSerde<T> implements Serde<T> {

        @Override
        public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            if (decoder.decodeNull()) {
                return null;
            }
            return deserialize(decoder, context, type);
        }
    }

}
