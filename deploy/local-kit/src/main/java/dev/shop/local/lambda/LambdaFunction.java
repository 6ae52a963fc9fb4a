package dev.shop.local.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

/**
 * One Lambda function as the Java runtime runs it: the handler class is
 * instantiated once in the function's own class loader, and every invocation
 * goes in and out as JSON through the Lambda runtime's event serializers
 * (aws-lambda-java-serialization), never as shared Java objects.
 *
 * <p>In the local stack each service gets a class loader over its own Lambda
 * jar, so the three Micronaut applications cannot see each other's beans.
 */
public final class LambdaFunction implements AutoCloseable {

    private static final String EVENT_CLASS = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent";
    private static final String RESPONSE_CLASS = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse";
    private static final String CONTEXT_CLASS = "com.amazonaws.services.lambda.runtime.Context";
    private static final String LOGGER_CLASS = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    private final String name;
    private final ClassLoader loader;
    private final Object handler;
    private final Method handleRequest;
    private final Object eventSerializer;
    private final Object responseSerializer;
    private final Method fromJson;
    private final Method toJson;
    private final Class<?> contextType;
    private final Class<?> loggerType;

    private LambdaFunction(String name, ClassLoader loader, String handlerClass, EventTypes types) {
        this.name = name;
        this.loader = loader;
        try {
            Class<?> eventType = loader.loadClass(types.event());
            Class<?> responseType = loader.loadClass(types.response());
            contextType = loader.loadClass(CONTEXT_CLASS);
            loggerType = loader.loadClass(LOGGER_CLASS);
            Class<?> serializers = loader.loadClass(LambdaEventSerializers.class.getName());
            Method serializerFor = serializers.getMethod("serializerFor", Class.class, ClassLoader.class);
            eventSerializer = serializerFor.invoke(null, eventType, loader);
            responseSerializer = serializerFor.invoke(null, responseType, loader);
            fromJson = eventSerializer.getClass().getMethod("fromJson", InputStream.class);
            toJson = responseSerializer.getClass().getMethod("toJson", Object.class, OutputStream.class);
            fromJson.setAccessible(true);
            toJson.setAccessible(true);
            // the constructor starts the Micronaut application: Lambda's init phase
            handler = withLoader(() -> loader.loadClass(handlerClass).getConstructor().newInstance());
            handleRequest = handler.getClass().getMethod("handleRequest", Object.class, contextType);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot load Lambda function " + name, unwrap(e));
        }
    }

    /** A function from a Lambda jar, isolated in its own class loader as on Lambda. */
    public static LambdaFunction fromJar(String name, Path lambdaJar, String handlerClass) {
        return fromJar(name, lambdaJar, handlerClass, EventTypes.PAYLOAD_V2);
    }

    /** A function from a Lambda jar whose handler takes and returns other event types than payload 2.0. */
    public static LambdaFunction fromJar(String name, Path lambdaJar, String handlerClass, EventTypes types) {
        try {
            URL[] urls = {lambdaJar.toUri().toURL(), serializationLibrary()};
            ClassLoader loader = new URLClassLoader("lambda-" + name, urls, ClassLoader.getPlatformClassLoader());
            return new LambdaFunction(name, loader, handlerClass, types);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A function whose classes are on the given class loader (a service's own tests). */
    public static LambdaFunction fromClassLoader(String name, ClassLoader loader, String handlerClass) {
        return new LambdaFunction(name, loader, handlerClass, EventTypes.PAYLOAD_V2);
    }

    /**
     * The classes a handler's input and output are read and written as, by the
     * runtime's serializers (which carry Lambda's own JSON names for the events
     * they know, such as DynamoDB stream batches).
     */
    public record EventTypes(String event, String response) {

        private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

        public static final EventTypes PAYLOAD_V2 = new EventTypes(EVENT_CLASS, RESPONSE_CLASS);
        public static final EventTypes DYNAMODB_STREAM = new EventTypes(EVENTS + "DynamodbEvent", EVENTS + "StreamsEventResponse");
        public static final EventTypes WEBSOCKET = new EventTypes(EVENTS + "APIGatewayV2WebSocketEvent", EVENTS + "APIGatewayV2WebSocketResponse");
        public static final EventTypes REQUEST_AUTHORIZER = new EventTypes(EVENTS + "APIGatewayCustomAuthorizerEvent", EVENTS + "IamPolicyResponseV1");
    }

    /** The runtime's serializers travel with each function, as the Lambda runtime provides them. */
    private static URL serializationLibrary() {
        return LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation();
    }

    public String name() {
        return name;
    }

    /** The class loader the function's classes come from. */
    public ClassLoader classLoader() {
        return loader;
    }

    /** The handler's Micronaut application context, as an object of the function's own class loader. */
    public Object applicationContext() {
        try {
            return handler.getClass().getMethod("getApplicationContext").invoke(handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Function " + name + " has no application context", unwrap(e));
        }
    }

    /** Invokes the handler with an event (payload 2.0 unless made with other {@link EventTypes}) and returns its response, both as JSON. */
    public String invoke(String eventJson) {
        try {
            return withLoader(() -> {
                Object event = fromJson.invoke(eventSerializer, new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)));
                Object response = handleRequest.invoke(handler, event, context());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                toJson.invoke(responseSerializer, response, out);
                return out.toString(StandardCharsets.UTF_8);
            });
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Function " + name + " failed", unwrap(e));
        }
    }

    private Object context() {
        String requestId = UUID.randomUUID().toString();
        Object logger = Proxy.newProxyInstance(loader, new Class<?>[]{loggerType}, (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args.length > 0) {
                Object message = args[0];
                System.out.print(message instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : message);
            }
            return null;
        });
        return Proxy.newProxyInstance(loader, new Class<?>[]{contextType}, (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> requestId;
            case "getFunctionName" -> name;
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:000000000000:function:" + name;
            case "getLogGroupName" -> "/aws/lambda/" + name;
            case "getLogStreamName" -> "local";
            case "getRemainingTimeInMillis" -> 30_000;
            case "getMemoryLimitInMB" -> 1024;
            case "getLogger" -> logger;
            case "toString" -> "LocalContext[" + name + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> null;
        });
    }

    private <T> T withLoader(Callable<T> work) throws ReflectiveOperationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw e instanceof ReflectiveOperationException r ? r : new InvocationTargetException(e);
        } catch (Exception e) {
            throw new InvocationTargetException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while (cause instanceof InvocationTargetException ite && ite.getCause() != null) {
            cause = ite.getCause();
        }
        return cause;
    }

    @Override
    public void close() throws Exception {
        if (handler instanceof AutoCloseable closeable) {
            withLoader(() -> {
                closeable.close();
                return null;
            });
        }
        if (loader instanceof URLClassLoader own) {
            own.close();
        }
    }

    @Override
    public String toString() {
        return "LambdaFunction[" + name + "]";
    }
}
