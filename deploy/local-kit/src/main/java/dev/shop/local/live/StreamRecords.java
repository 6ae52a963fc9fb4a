package dev.shop.local.live;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.local.LocalSettings;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Stream records as Lambda hands them to a function: the JSON of a
 * {@code DynamodbEvent} ({@code {"Records":[{"eventID", "eventName",
 * "dynamodb":{"Keys","NewImage","OldImage","SequenceNumber",...}}]}}),
 * built from what the Streams API returned.
 */
public final class StreamRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRecords() {
    }

    public static String lambdaEvent(List<Record> records, String streamArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            ObjectNode node = array.addObject();
            node.put("eventID", record.eventID());
            node.put("eventName", record.eventNameAsString());
            node.put("eventVersion", record.eventVersion() == null ? "1.1" : record.eventVersion());
            node.put("eventSource", "aws:dynamodb");
            node.put("awsRegion", record.awsRegion() == null ? LocalSettings.REGION : record.awsRegion());
            StreamRecord change = record.dynamodb();
            ObjectNode dynamodb = node.putObject("dynamodb");
            if (change.approximateCreationDateTime() != null) {
                dynamodb.put("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
            }
            putImage(dynamodb, "Keys", change.keys());
            putImage(dynamodb, "NewImage", change.newImage());
            putImage(dynamodb, "OldImage", change.oldImage());
            dynamodb.put("SequenceNumber", change.sequenceNumber());
            if (change.sizeBytes() != null) {
                dynamodb.put("SizeBytes", change.sizeBytes());
            }
            dynamodb.put("StreamViewType", change.streamViewTypeAsString());
            node.put("eventSourceARN", streamArn);
        }
        return event.toString();
    }

    /** The image's sort key, which the event source's filter looks at. */
    static String sortKey(Record record, String sortKeyAttribute) {
        AttributeValue value = record.dynamodb().keys().get(sortKeyAttribute);
        return value == null ? null : value.s();
    }

    private static void putImage(ObjectNode parent, String name, Map<String, AttributeValue> image) {
        if (image == null || image.isEmpty()) {
            return;
        }
        ObjectNode node = parent.putObject(name);
        image.forEach((attribute, value) -> node.set(attribute, attributeValue(value)));
    }

    private static ObjectNode attributeValue(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> value.bs().forEach(bytes -> node.withArray("BS").add(base64(bytes)));
            case M -> {
                ObjectNode map = node.putObject("M");
                value.m().forEach((key, inner) -> map.set(key, attributeValue(inner)));
            }
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(inner -> list.add(attributeValue(inner)));
            }
            default -> throw new IllegalArgumentException("Unknown attribute type " + value.type());
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
