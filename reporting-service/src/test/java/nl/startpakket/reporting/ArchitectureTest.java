package nl.startpakket.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Reporting holds projections only: no aggregates, no personal data, roles kept apart. */
@AnalyzeClasses(packages = "nl.startpakket.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noAggregatesOrCommandHandling = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.axonframework.modelling.command..", "org.axonframework.spring.stereotype..",
                    "org.axonframework.commandhandling..", "org.axonframework.eventsourcing..")
            .because("reporting has no aggregates: it only projects integration events");

    @ArchTest
    static final ArchRule neverTouchesPersonalData = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("nl.startpakket.events.delivery..")
            .because("the delivery topic carries personal data, which never enters reporting");

    @ArchTest
    static final ArchRule onlyTheRolesOfAProjectionService = classes()
            .should().resideInAnyPackage("nl.startpakket.reporting", "nl.startpakket.reporting.query..",
                    "nl.startpakket.reporting.integration.in..", "nl.startpakket.reporting.web..",
                    "nl.startpakket.reporting.config..")
            .because("CONVENTIONS.md: reporting-service has query/, integration/in and web/ only");

    @ArchTest
    static final ArchRule projectionsKnowNothingOfSpringWebOrKafka = noClasses()
            .that().resideInAPackage("nl.startpakket.reporting.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "nl.startpakket.reporting.web..",
                    "nl.startpakket.reporting.integration..", "org.apache.kafka..")
            .because("projection logic is plain Java over events and MongoDB documents, testable without Spring");

    @ArchTest
    static final ArchRule consumersDoNotServeHttp = noClasses()
            .that().resideInAPackage("nl.startpakket.reporting.integration..")
            .should().dependOnClassesThat().resideInAPackage("nl.startpakket.reporting.web..");
}
