package dev.shop.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.PropertiesPropertySourceLoader;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.io.ResourceLoader;

/**
 * Loads {@code shop-defaults.properties} from common into every service's
 * environment, below the service's own {@code application.properties}. It is
 * how the security and serialization settings all three services must share
 * are written once: Micronaut reads only the first {@code application.*} on
 * the classpath, so common cannot ship one of its own.
 */
public final class SharedDefaultsLoader extends PropertiesPropertySourceLoader {

    static final String RESOURCE = "shop-defaults.properties";

    @Override
    public Set<String> getExtensions() {
        // a private extension, so this loader is never chosen for application.properties
        return Set.of("shop-defaults");
    }

    @Override
    public int getOrder() {
        return DEFAULT_POSITION - 10;
    }

    @Override
    public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
        if (!"application".equals(resourceName)) {
            return Optional.empty();
        }
        return readInput(resourceLoader, RESOURCE).map(input -> {
            try (InputStream in = input) {
                Map<String, Object> values = new LinkedHashMap<>();
                processInput(RESOURCE, in, values);
                return createPropertySource("shop-defaults", values, getOrder());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Optional<PropertySource> loadEnv(String resourceName, ResourceLoader resourceLoader, ActiveEnvironment activeEnvironment) {
        return Optional.empty();
    }
}
