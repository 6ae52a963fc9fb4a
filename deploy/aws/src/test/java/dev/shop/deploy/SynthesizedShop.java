package dev.shop.deploy;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * A synthesized shop stack and the small vocabulary the tests read it with.
 * Synthesis starts a node process and copies three Lambda packages, so a test
 * class builds one of these once and shares it.
 */
record SynthesizedShop(Template template) {

    /** Synthesizes the stack from the real Lambda zips (Maven passes their directory) with the given context. */
    static SynthesizedShop synthesize(Map<String, Object> context) {
        App app = App.Builder.create().context(context).build();
        ShopStack stack = new ShopStack(app, StackSettings.read(app.getNode()::tryGetContext, name -> null));
        return new SynthesizedShop(Template.fromStack(stack));
    }

    /** Every resource of a type: logical id to its whole definition (Type, Properties, DeletionPolicy, ...). */
    Map<String, Map<String, Object>> resources(String type) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> found = (Map<String, Map<String, Object>>) (Map<?, ?>) template.findResources(type);
        return found;
    }

    /** The properties of the one resource of a type. */
    Map<String, Object> only(String type) {
        Map<String, Map<String, Object>> found = resources(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return properties(found.values().iterator().next());
    }

    String onlyId(String type) {
        Map<String, Map<String, Object>> found = resources(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return found.keySet().iterator().next();
    }

    /** The logical id of the resource of a type whose properties satisfy the predicate. */
    String idOf(String type, Predicate<Map<String, Object>> predicate) {
        List<String> ids = resources(type).entrySet().stream()
            .filter(entry -> predicate.test(properties(entry.getValue())))
            .map(Map.Entry::getKey)
            .toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one matching " + type + ", found " + ids);
        }
        return ids.get(0);
    }

    Map<String, Object> properties(String type, String logicalId) {
        Map<String, Object> resource = resources(type).get(logicalId);
        if (resource == null) {
            throw new AssertionError("no " + type + " " + logicalId);
        }
        return properties(resource);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = list.get(index);
            } else {
                throw new AssertionError("cannot follow " + step + " in " + node);
            }
            if (current == null) {
                throw new AssertionError("nothing at " + step + " in " + node);
            }
        }
        return (T) current;
    }
}
