package dev.shop.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void withoutContextAProductionShopIsDeployedToTheCliRegionWithDefaultSizing() {
        StackSettings settings = StackSettings.read(key -> null,
            Map.of("CDK_DEFAULT_REGION", "eu-west-1", "CDK_DEFAULT_ACCOUNT", "123456789012")::get);

        assertThat(settings.stackName()).isEqualTo("Shop");
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.account()).contains("123456789012");
        assertThat(settings.tier()).isEqualTo(Tier.PROD);
        assertThat(settings.memoryMb()).isEqualTo(1024);
        assertThat(settings.timeoutSeconds()).isEqualTo(15);
        assertThat(settings.selfSignUp()).isTrue();
        assertThat(settings.throttleRate()).isEqualTo(100);
        assertThat(settings.throttleBurst()).isEqualTo(200);
        assertThat(settings.writeThrottleRate()).isEqualTo(20);
        assertThat(settings.writeThrottleBurst()).isEqualTo(40);
        assertThat(settings.storefrontOrigin()).as("the storefront's own distribution").isEmpty();
    }

    @Test
    void withoutAnyRegionUsEast1IsUsed() {
        assertThat(StackSettings.read(key -> null, name -> null).region()).isEqualTo("us-east-1");
    }

    @Test
    void contextValuesWinAndCdkJsonNumbersAreAccepted() {
        Map<String, Object> context = new HashMap<>();
        context.put(StackSettings.REGION, "ap-southeast-2");
        context.put(StackSettings.ENV, "Sandbox");
        context.put(StackSettings.MEMORY_MB, 2048.0);
        context.put(StackSettings.TIMEOUT_SECONDS, "30");
        context.put(StackSettings.SELF_SIGN_UP, "false");
        context.put(StackSettings.LAMBDAS_DIR, "/somewhere/else");
        context.put(StackSettings.STOREFRONT_ORIGIN, "https://shop.example.com");

        StackSettings settings = StackSettings.read(context::get, Map.of("CDK_DEFAULT_REGION", "eu-west-1")::get);

        assertThat(settings.region()).isEqualTo("ap-southeast-2");
        assertThat(settings.tier()).isEqualTo(Tier.SANDBOX);
        assertThat(settings.memoryMb()).isEqualTo(2048);
        assertThat(settings.timeoutSeconds()).isEqualTo(30);
        assertThat(settings.selfSignUp()).isFalse();
        assertThat(settings.lambdasDir()).isEqualTo(Path.of("/somewhere/else"));
        assertThat(settings.storefrontOrigin()).hasValue("https://shop.example.com");
    }

    @Test
    void anUnknownTierIsRejectedRatherThanGuessed() {
        assertThatThrownBy(() -> StackSettings.read(Map.<String, Object>of(StackSettings.ENV, "production")::get, name -> null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("shop:env");
    }

    @Test
    void fractionalOrOutOfRangeSizingIsRejected() {
        assertThatThrownBy(() -> StackSettings.read(Map.<String, Object>of(StackSettings.MEMORY_MB, "1024.5")::get, name -> null))
            .hasMessageContaining(StackSettings.MEMORY_MB);
        assertThatThrownBy(() -> StackSettings.read(Map.<String, Object>of(StackSettings.MEMORY_MB, "64")::get, name -> null))
            .hasMessageContaining(StackSettings.MEMORY_MB);
        assertThatThrownBy(() -> StackSettings.read(Map.<String, Object>of(StackSettings.TIMEOUT_SECONDS, "901")::get, name -> null))
            .hasMessageContaining(StackSettings.TIMEOUT_SECONDS);
    }

    @Test
    void aMisspelledSelfSignUpFlagIsRejected() {
        assertThatThrownBy(() -> StackSettings.read(Map.<String, Object>of(StackSettings.SELF_SIGN_UP, "yes")::get, name -> null))
            .hasMessageContaining(StackSettings.SELF_SIGN_UP);
    }
    @Test
    void withoutReplicaRegionsTheTableStaysInOneRegion() {
        assertThat(StackSettings.read(key -> null, name -> null).replicaRegions()).isEmpty();
    }

    @Test
    void replicaRegionsAreReadFromTheCommandLineOrACdkJsonList() {
        assertThat(StackSettings.read(Map.<String, Object>of(StackSettings.REPLICA_REGIONS, "eu-west-1, ap-southeast-2")::get,
            name -> null).replicaRegions()).containsExactly("eu-west-1", "ap-southeast-2");
        assertThat(StackSettings.read(Map.<String, Object>of(StackSettings.REPLICA_REGIONS, List.of("eu-west-1", "us-west-2"))::get,
            name -> null).replicaRegions()).containsExactly("eu-west-1", "us-west-2");
    }

    @Test
    void aReplicaInTheStacksOwnRegionATwiceNamedOrAMalformedRegionIsRejected() {
        assertThatThrownBy(() -> StackSettings.read(Map.<String, Object>of(StackSettings.REPLICA_REGIONS, "us-east-1")::get, name -> null))
            .hasMessageContaining(StackSettings.REPLICA_REGIONS);
        assertThatThrownBy(() -> StackSettings.read(Map.<String, Object>of(StackSettings.REPLICA_REGIONS, "eu-west-1,eu-west-1")::get, name -> null))
            .hasMessageContaining(StackSettings.REPLICA_REGIONS);
        assertThatThrownBy(() -> StackSettings.read(Map.<String, Object>of(StackSettings.REPLICA_REGIONS, "europe")::get, name -> null))
            .hasMessageContaining(StackSettings.REPLICA_REGIONS);
    }
}
