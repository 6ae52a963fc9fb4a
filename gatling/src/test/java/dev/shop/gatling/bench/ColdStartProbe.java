package dev.shop.gatling.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shop.common.routes.Service;
import dev.shop.local.lambda.LambdaFunction;

/**
 * The process {@link ColdStartBenchmark} starts once per sample: a fresh JVM whose class path is the
 * service's Lambda jar (as the Lambda runtime has it), which constructs the payload 2.0 handler
 * (Lambda's init phase) and handles one event. It prints one line,
 * {@code HANDLED <status> <initMillis> <invokeMillis>}, and exits.
 */
public final class ColdStartProbe {

    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        String event = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        LambdaFunction function = LambdaFunction.fromClassLoader("probe", ClassLoader.getSystemClassLoader(),
            Service.HANDLER);
        long initialized = System.nanoTime();
        String response = function.invoke(event);
        long handled = System.nanoTime();
        Matcher status = STATUS.matcher(response);
        System.out.printf("HANDLED %s %d %d%n", status.find() ? status.group(1) : "none",
            (initialized - start) / 1_000_000, (handled - initialized) / 1_000_000);
        System.out.flush();
        if (!status.find(0) || !status.group(1).startsWith("2")) {
            System.err.println(response);
        }
        // a normal exit, so that -XX:ArchiveClassesAtExit can write its archive in a training run
        System.exit(0);
    }
}
