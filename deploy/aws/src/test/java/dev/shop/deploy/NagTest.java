package dev.shop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * A rule pack no one here wrote: cdk-nag's AWS Solutions checks on the
 * production stack. Every finding is either fixed in the stack or suppressed
 * there with its reason ({@link Nag#accept}), so any new finding fails.
 */
class NagTest {

    @Test
    void theAwsSolutionsRulePackFindsNothingUnexplainedInAProductionStack() {
        App app = App.Builder.create().context(Map.of(
            StackSettings.REGION, "eu-central-1",
            StackSettings.STOREFRONT_ORIGIN, "https://shop.example.com")).build();
        ShopStack stack = new ShopStack(app, StackSettings.read(app.getNode()::tryGetContext, name -> null));
        Nag.check(app);

        Annotations annotations = Annotations.fromStack(stack);
        List<SynthesisMessage> findings = new ArrayList<>();
        findings.addAll(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        findings.addAll(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));

        assertThat(findings.stream().map(f -> f.getId() + " " + f.getEntry().getData()).toList()).isEmpty();
    }

    /**
     * The whole app as {@code cdk deploy --all} synthesizes it, the storefront's content stack included: an
     * unsuppressed finding there is an error annotation, which would stop the CLI's synth.
     */
    @Test
    void everyStackOfTheAppFindsNothingUnexplained(@TempDir Path outdir) {
        CloudAssembly assembly = ShopApp.synthesize(outdir, Map.of(
            StackSettings.REGION, "eu-central-1",
            StackSettings.STOREFRONT_ORIGIN, "https://shop.example.com"));

        List<String> findings = assembly.getStacks().stream()
            .flatMap(stack -> stack.getMessages().stream())
            .filter(message -> message.getLevel() != SynthesisMessageLevel.INFO)
            .map(message -> message.getId() + " " + message.getEntry().getData())
            .filter(text -> text.contains("AwsSolutions-"))
            .toList();

        assertThat(assembly.getStacks()).hasSize(2);
        assertThat(findings).isEmpty();
    }
}
