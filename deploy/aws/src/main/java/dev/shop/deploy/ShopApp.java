package dev.shop.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The CDK app: synthesizes the shop's CloudFormation template with no CDK CLI
 * and no AWS credentials. {@code cdk deploy} runs it through cdk.json; it runs
 * just as well on its own ({@code java ... dev.shop.deploy.ShopApp}) and then
 * writes to {@code cdk.out}.
 */
public final class ShopApp {

    private ShopApp() {
    }

    public static void main(String[] args) {
        // The CDK CLI names the output directory in CDK_OUTDIR and passes -c values in CDK_CONTEXT_JSON, which App reads itself.
        Path outdir = Path.of(Optional.ofNullable(System.getenv("CDK_OUTDIR")).orElse("cdk.out"));
        synthesize(outdir, Map.of());
    }

    /**
     * Builds the stack and writes the cloud assembly.
     *
     * @param outdir  where the assembly (template, assets) goes
     * @param context context values on top of what the CLI passed
     */
    static CloudAssembly synthesize(Path outdir, Map<String, Object> context) {
        App app = App.Builder.create()
            .outdir(outdir.toString())
            .context(context)
            .build();
        StackSettings settings = StackSettings.read(app.getNode()::tryGetContext, System::getenv);
        ShopStack shop = new ShopStack(app, settings);
        new StorefrontContentStack(app, settings, shop);
        Nag.check(app);
        return app.synth();
    }
}
