package dev.shop.deploy;

import static dev.shop.deploy.SynthesizedShop.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/** The app's entry end to end: context in, a cloud assembly on disk out. */
class ShopAppTest {

    @Test
    void synthesizesASandboxStackWhoseDataLeavesWithIt(@TempDir Path outdir) throws IOException {
        ShopApp.synthesize(outdir, Map.of(
            StackSettings.ENV, "sandbox",
            StackSettings.STACK_NAME, "ShopSandbox",
            StackSettings.SELF_SIGN_UP, "false",
            StackSettings.MEMORY_MB, "2048"));

        Path templateFile = outdir.resolve("ShopSandbox.template.json");
        assertThat(templateFile).isRegularFile();
        assertThat(outdir.resolve("manifest.json")).isRegularFile();
        // The shop stack's own assets; the storefront stack (ShopSandboxStorefront) stages the site besides.
        String shopAssets = Files.readString(outdir.resolve("ShopSandbox.assets.json"));
        assertThat(Pattern.compile("\"path\":\\s*\"asset\\.").matcher(shopAssets).results().count())
            .as("one staged Lambda package per service").isEqualTo(3);
        assertThat(outdir.resolve("ShopSandboxStorefront.template.json")).isRegularFile();

        SynthesizedShop shop = new SynthesizedShop(Template.fromString(Files.readString(templateFile)));
        Map<String, Object> table = shop.resources("AWS::DynamoDB::Table").values().iterator().next();
        Map<String, Object> pool = shop.resources("AWS::Cognito::UserPool").values().iterator().next();

        assertThat(table).containsEntry("DeletionPolicy", "Delete");
        assertThat((Object) at(table, "Properties", "DeletionProtectionEnabled")).isEqualTo(false);
        assertThat(pool).containsEntry("DeletionPolicy", "Delete");
        assertThat((Object) at(pool, "Properties", "AdminCreateUserConfig", "AllowAdminCreateUserOnly")).isEqualTo(true);
        assertThat(shop.resources("AWS::Lambda::Function").values())
            .allSatisfy(function -> assertThat(((Number) at(function, "Properties", "MemorySize")).intValue()).isEqualTo(2048));
    }

    @Test
    void aMissingLambdaPackageFailsWithTheBuildCommand(@TempDir Path outdir) {
        assertThatThrownBy(() -> ShopApp.synthesize(outdir,
            Map.of(StackSettings.LAMBDAS_DIR, outdir.resolve("nothing-here").toString())))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("catalog-service.zip")
            .hasMessageContaining("./mvnw -B -DskipTests package");
    }
}
