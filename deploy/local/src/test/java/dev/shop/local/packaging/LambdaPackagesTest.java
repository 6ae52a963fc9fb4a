package dev.shop.local.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.shop.common.routes.Routes;
import dev.shop.common.routes.Service;
import dev.shop.local.LocalSettings;
import dev.shop.local.lambda.LambdaFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Lambda packages are trimmed for cold start (docs/performance.md): the shade filters in
 * {@code service-parent/pom.xml} leave out the service entries of bean definitions no Shop function
 * enables, and the HTTP client and discovery modules are not packaged at all. Trimming must never change
 * what a function does, so each function starts here from its real package and every definition packaged
 * without its entry is asked, in that function's own context, whether it would have been enabled: by its own
 * conditions and by those of the package configurations around it.
 */
class LambdaPackagesTest {

    private static final String REFERENCES = "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/";
    private static final Path LAMBDAS = Path.of(System.getProperty("shop.lambdas"));
    /** Each function started once from its package, for every test of this class. */
    private static final Map<Service, LambdaFunction> FUNCTIONS = new EnumMap<>(Service.class);

    @BeforeAll
    static void settings() {
        // nothing is contacted while a function starts; the endpoints only have to be well-formed
        LocalSettings.apply(LocalSettings.of("shop-packages", "http://127.0.0.1:9/us-east-1_packages", "packages",
            "lambda-packages-test-cursor-secret-0123456789", "http://127.0.0.1:9"));
    }

    @AfterAll
    static void stopFunctions() throws Exception {
        for (LambdaFunction function : FUNCTIONS.values()) {
            function.close();
        }
    }

    private static LambdaFunction function(Service service) {
        return FUNCTIONS.computeIfAbsent(service, started -> LambdaFunction.fromJar(started.moduleName(),
            started.lambdaPackage(LAMBDAS), Service.HANDLER));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void definitionsLeftOutOfThePackageAreOnesTheFunctionWouldNotEnable(Service service) throws Exception {
        Path zip = service.lambdaPackage(LAMBDAS);
        Set<String> definitionClasses = new TreeSet<>();
        Set<String> listed = new TreeSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().map(ZipEntry::getName).forEach(name -> {
                String simpleName = name.substring(name.lastIndexOf('/') + 1);
                if (name.startsWith(REFERENCES) && name.length() > REFERENCES.length()) {
                    listed.add(name.substring(REFERENCES.length()));
                } else if (simpleName.startsWith("$") && simpleName.endsWith("$Definition.class")) {
                    definitionClasses.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            });
        }
        Set<String> leftOut = new TreeSet<>(definitionClasses);
        leftOut.removeAll(listed);
        assertThat(leftOut).as("definitions left out of %s", zip.getFileName())
            .contains("io.micronaut.security.endpoints.$LoginController$Definition",
                "io.micronaut.security.token.jwt.signature.jwks.$HttpClientJwksClient$Definition");
        assertThat(listed).as("the function's own definitions stay")
            .anyMatch(name -> name.startsWith("dev.shop." + service.name().toLowerCase() + "."));

        LambdaFunction function = function(service);
        ClassLoader loader = function.classLoader();
        Object context = function.applicationContext();
        Class<?> beanContext = loader.loadClass("io.micronaut.context.BeanContext");
        Method isEnabled = loader.loadClass("io.micronaut.inject.BeanDefinitionReference").getMethod("isEnabled", beanContext);
        Method findConfiguration = beanContext.getMethod("findBeanConfiguration", String.class);
        Method configurationEnabled = loader.loadClass("io.micronaut.inject.BeanConfiguration").getMethod("isEnabled", beanContext);
        List<String> enabled = new ArrayList<>();
        for (String name : leftOut) {
            Object reference = instantiate(name, loader);
            if (reference != null && (boolean) isEnabled.invoke(reference, context)
                    && packagesEnabled(name, context, findConfiguration, configurationEnabled)) {
                enabled.add(name);
            }
        }
        assertThat(enabled).as("left out of %s, but enabled in its context", zip.getFileName()).isEmpty();
    }

    /**
     * A function answers exactly its rows of the route table: nothing a framework module adds on its own
     * (micronaut-security's {@code /token_info} introspection endpoint was one) and nothing missing. HEAD
     * is Micronaut's automatic companion of each GET.
     */
    @ParameterizedTest
    @EnumSource(Service.class)
    void functionRoutesAreExactlyItsRowsOfTheRouteTable(Service service) throws Exception {
        LambdaFunction function = function(service);
        ClassLoader loader = function.classLoader();
        Object context = function.applicationContext();
        Class<?> routerType = loader.loadClass("io.micronaut.web.router.Router");
        Class<?> routeType = loader.loadClass("io.micronaut.web.router.UriRouteInfo");
        Method getBean = loader.loadClass("io.micronaut.context.BeanLocator").getMethod("getBean", Class.class);
        Method method = routeType.getMethod("getHttpMethodName");
        Method template = routeType.getMethod("getUriMatchTemplate");
        Object router = getBean.invoke(context, routerType);
        Set<String> served = new TreeSet<>();
        for (Object route : ((Stream<?>) routerType.getMethod("uriRoutes").invoke(router)).toList()) {
            served.add(method.invoke(route) + " " + template.invoke(route));
        }
        served.removeIf(route -> route.startsWith("HEAD ") && served.contains("GET " + route.substring(5)));

        assertThat(served).containsExactlyInAnyOrderElementsOf(
            Routes.of(service).stream().map(route -> route.method() + " " + route.path()).toList());
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void packageCarriesNoHttpClientOrServiceDiscovery(Service service) throws Exception {
        assertThat(entries(service))
            .noneMatch(name -> name.startsWith("io/micronaut/http/client/") || name.startsWith("io/micronaut/discovery/"));
    }

    /**
     * The API description is made at compile time and nowhere else (docs/api.md), so it adds nothing to a
     * function's size or cold start: no zip the build packages for Lambda carries the generated OpenAPI part
     * (the api module merges it into docs/api/openapi.yaml) or any OpenAPI document, the Swagger annotations or
     * models, anything of micronaut-openapi, swagger-core, Swagger UI, the contract validator, or the api
     * module's merge and its generated client.
     */
    @ParameterizedTest
    @MethodSource("lambdaZips")
    void packageCarriesNothingOfTheApiDescription(Path zip) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.stream().map(ZipEntry::getName)).as(zip.getFileName().toString())
                .noneMatch(name -> name.startsWith("META-INF/swagger/") || name.startsWith("io/swagger/")
                    || name.startsWith("io/micronaut/openapi/") || name.contains("swagger-ui")
                    || name.startsWith("org/openapitools/") || name.startsWith("com/atlassian/oai/")
                    || name.startsWith("dev/shop/api/") || name.startsWith("site/api-docs/")
                    || isApiDocument(name.toLowerCase()));
        }
    }

    /** Every zip the build copies for Lambda, not only one per service: a new function is checked unasked. */
    static List<Path> lambdaZips() throws IOException {
        try (Stream<Path> files = java.nio.file.Files.list(LAMBDAS)) {
            List<Path> zips = files.filter(file -> file.toString().endsWith(".zip")).sorted().toList();
            assertThat(zips).hasSizeGreaterThanOrEqualTo(Service.values().length);
            return zips;
        }
    }

    private static boolean isApiDocument(String name) {
        return (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json"))
            && (name.contains("openapi") || name.contains("swagger"));
    }

    /**
     * The functions' one HTTP client is the AWS CRT client (common's {@code DynamoDbFactory}): Apache's is not
     * packaged, and the CRT's native library is there for the platforms whose JVMs load it (Lambda's arm64 and
     * x86_64 on glibc, and the 64-bit machines that run the local stack), never for the 32-bit or musl builds the
     * shade plugin leaves out.
     */
    @ParameterizedTest
    @EnumSource(Service.class)
    void packageCarriesTheCrtClientWithItsNativeLibraryForLambda(Service service) throws Exception {
        assertThat(entries(service))
            .contains("software/amazon/awssdk/http/crt/AwsCrtHttpClient.class",
                "linux/armv8/glibc/libaws-crt-jni.so", "linux/x86_64/glibc/libaws-crt-jni.so")
            .noneMatch(name -> name.startsWith("org/apache/http/") || name.startsWith("software/amazon/awssdk/http/apache/"))
            .noneMatch(name -> name.startsWith("linux/armv6/") || name.startsWith("linux/armv7/")
                || name.startsWith("linux/x86_32/") || name.startsWith("windows/x86_32/"))
            .noneMatch(name -> name.startsWith("linux/") && name.contains("/musl/"));
    }

    /** The functions call DynamoDB through the synchronous client; the SDK's asynchronous one is not packaged. */
    @ParameterizedTest
    @EnumSource(Service.class)
    void packageLeavesOutTheAsynchronousDynamoDbClient(Service service) throws Exception {
        assertThat(entries(service))
            .contains("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class")
            .noneMatch(name -> name.startsWith("software/amazon/awssdk/services/dynamodb/")
                && (name.contains("Async") || name.contains("Publisher")));
    }

    private static List<String> entries(Service service) throws IOException {
        try (ZipFile file = new ZipFile(service.lambdaPackage(LAMBDAS).toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }

    /**
     * Whether every package configuration enclosing the definition is enabled. A package's
     * {@code @Configuration @Requires(...)} is not part of its definitions' own conditions: Micronaut checks it
     * separately, and skips every definition inside a disabled one.
     */
    private static boolean packagesEnabled(String definition, Object context, Method findConfiguration,
                                           Method configurationEnabled) throws ReflectiveOperationException {
        for (String pkg = definition.substring(0, definition.lastIndexOf('.')); !pkg.isEmpty();
             pkg = pkg.contains(".") ? pkg.substring(0, pkg.lastIndexOf('.')) : "") {
            Optional<?> configuration = (Optional<?>) findConfiguration.invoke(context, pkg);
            if (configuration.isPresent() && !(boolean) configurationEnabled.invoke(configuration.get(), context)) {
                return false;
            }
        }
        return true;
    }

    /** The definition, or null where it cannot even load from this package (Micronaut skips those as well). */
    private static Object instantiate(String name, ClassLoader loader) throws ReflectiveOperationException {
        try {
            return Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
        } catch (LinkageError missingClass) {
            return null;
        } catch (InvocationTargetException failed) {
            if (failed.getCause() instanceof LinkageError) {
                return null;
            }
            throw failed;
        }
    }
}
