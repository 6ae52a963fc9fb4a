package dev.shop.deploy;

import java.util.List;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.App;
import software.constructs.IConstruct;

/**
 * cdk-nag's AWS Solutions rule pack, a set of checks no one here wrote, run on
 * every synthesis: an unsuppressed finding is an error annotation, which fails
 * {@code cdk synth}/{@code cdk deploy} and the CDK tests. What the stack does
 * not fix is suppressed where the resource is declared, with its reason.
 */
final class Nag {

    private Nag() {
    }

    static void check(App app) {
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
    }

    /** Accepts a finding on one construct (and its children), saying why. */
    static void accept(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
            List.of(NagPackSuppression.builder().id("AwsSolutions-" + rule).reason(reason).build()), true);
    }
}
