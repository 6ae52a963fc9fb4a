package dev.shop.common.lambda;

/**
 * The JVM flags of a Shop function ({@code JAVA_TOOL_OPTIONS}), set by the CDK
 * stack and measured by the cold start benchmark (docs/performance.md, cold
 * start), so that what is measured is what is deployed.
 *
 * <ul>
 *   <li>{@code -XX:TieredStopAtLevel=1}: after a cold start or a snapshot
 *       restore, C2 competes with the first requests for the function's small
 *       CPU share; C1 code is ready sooner.</li>
 *   <li>{@code -XX:+UseSerialGC}: a function has about one vCPU, where
 *       parallel GC threads only compete with the request.</li>
 *   <li>{@code -XX:MetaspaceSize=64m}: a service's classes take about 41 MB of
 *       metaspace; below that threshold each start paid two full collections to
 *       raise it.</li>
 *   <li>{@code -Xmn}: a tenth of the function's memory for the young
 *       generation. The JVM would start it at about 5 MB (a third of a 1/64
 *       initial heap), and a start allocates some 80 MB: 26 young collections
 *       instead of one.</li>
 *   <li>{@code -XX:-UsePerfData}: no hsperfdata file and no performance
 *       counters kept for each of the ~7,600 classes a start loads; nothing
 *       reads them on Lambda ({@code jstat} does, and there is no shell).</li>
 * </ul>
 */
public final class LambdaJvm {

    private LambdaJvm() {
    }

    /** The flags for a function of {@code memoryMb} megabytes. */
    public static String javaToolOptions(int memoryMb) {
        if (memoryMb < 128) {
            throw new IllegalArgumentException("a Lambda function has at least 128 MB, not " + memoryMb);
        }
        return "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
            + " -XX:-UsePerfData -XX:MetaspaceSize=64m -Xmn" + memoryMb / 10 + "m";
    }
}
