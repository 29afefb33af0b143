package nl.startpakket.referral;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain (commands, events, aggregates) stays free of Spring, the web and the databases. */
@AnalyzeClasses(packages = "nl.startpakket.referral", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainHasNoSpring = noClasses().that().resideInAnyPackage("..referral.api..", "..referral.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "jakarta.servlet..", "nl.startpakket.platform..");

    @ArchTest
    static final ArchRule domainDoesNotKnowTheOuterLayers = noClasses().that()
            .resideInAnyPackage("..referral.api..", "..referral.command..")
            .should().dependOnClassesThat().resideInAnyPackage("..referral.web..", "..referral.query..", "..referral.config..",
                    "..referral.integration..", "..referral.partner..");

    @ArchTest
    static final ArchRule apiIsMessagesOnly = noClasses().that().resideInAPackage("..referral.api..")
            .should().dependOnClassesThat().resideInAPackage("..referral.command..");

    @ArchTest
    static final ArchRule integrationDoesNotReachIntoTheWeb = noClasses().that().resideInAPackage("..referral.integration..")
            .should().dependOnClassesThat().resideInAnyPackage("..referral.web..");
}
