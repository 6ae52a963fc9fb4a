package dev.shop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

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
}
