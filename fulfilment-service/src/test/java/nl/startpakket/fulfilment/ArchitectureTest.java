package nl.startpakket.fulfilment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "nl.startpakket.fulfilment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiAndCommandStayFreeOfSpring = noClasses()
            .that().resideInAnyPackage("..fulfilment.api..", "..fulfilment.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.springframework.data..", "com.mongodb..");

    @ArchTest
    static final ArchRule theDomainKnowsNoAdapters = noClasses()
            .that().resideInAnyPackage("..fulfilment.api..", "..fulfilment.command..")
            .should().dependOnClassesThat().resideInAnyPackage("..fulfilment.query..", "..fulfilment.web..",
                    "..fulfilment.integration..", "..fulfilment.config..", "nl.startpakket.platform..");

    @ArchTest
    static final ArchRule theQuerySideDoesNotReachIntoAggregates = noClasses()
            .that().resideInAnyPackage("..fulfilment.query..", "..fulfilment.web..", "..fulfilment.integration..",
                    "..fulfilment.process..")
            .should().dependOnClassesThat().resideInAPackage("..fulfilment.command..");

    @ArchTest
    static final ArchRule onlyTheOutboxPublishes = noClasses()
            .that().resideOutsideOfPackage("..fulfilment.integration.out..")
            .should().dependOnClassesThat().haveSimpleName("IntegrationEventPublisher");
}
