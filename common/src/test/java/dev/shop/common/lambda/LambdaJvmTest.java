package dev.shop.common.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LambdaJvmTest {

    @Test
    void defaultFunctionStopsAtC1WithSerialCollectorAndSizedYoungGeneration() {
        assertThat(LambdaJvm.javaToolOptions(1024))
            .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:MetaspaceSize=64m -Xmn102m");
    }

    @Test
    void youngGenerationFollowsTheFunctionsMemory() {
        assertThat(LambdaJvm.javaToolOptions(128)).endsWith(" -Xmn12m");
        assertThat(LambdaJvm.javaToolOptions(3008)).endsWith(" -Xmn300m");
    }

    @Test
    void memoryBelowLambdasMinimumIsRefused() {
        assertThatThrownBy(() -> LambdaJvm.javaToolOptions(64)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("128");
    }
}
