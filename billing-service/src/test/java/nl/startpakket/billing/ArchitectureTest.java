package nl.startpakket.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "nl.startpakket.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoSpring = noClasses()
            .that().resideInAnyPackage("..billing.api..", "..billing.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                    "jakarta.persistence..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule domainDoesNotReachOutward = noClasses()
            .that().resideInAnyPackage("..billing.api..", "..billing.command..")
            .should().dependOnClassesThat().resideInAnyPackage("..billing.query..", "..billing.web..",
                    "..billing.integration..", "..billing.config..", "nl.startpakket.platform..");

    @ArchTest
    static final ArchRule queriesDoNotSendCommands = noClasses()
            .that().resideInAPackage("..billing.query..")
            .should().dependOnClassesThat().haveNameMatching("org.axonframework.commandhandling.gateway.CommandGateway");

    @ArchTest
    static final ArchRule eventsAreRecords = classes()
            .that().resideInAPackage("..billing.api..").and().haveSimpleNameEndingWith("Event")
            .should().beRecords();

    @ArchTest
    static final ArchRule commandsAreRecords = classes()
            .that().resideInAPackage("..billing.api..").and().haveSimpleNameEndingWith("Command")
            .should().beRecords();
}
