package nl.startpakket.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import nl.startpakket.platform.security.StaffRole;

@AnalyzeClasses(packages = "nl.startpakket.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoSpring = noClasses()
            .that().resideInAnyPackage("..identity.api..", "..identity.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                    "jakarta.persistence..", "jakarta.servlet..");

    /** The roles are the one word the domain shares with the platform: the tokens every service reads name them. */
    @ArchTest
    static final ArchRule domainDoesNotReachOutward = noClasses()
            .that().resideInAnyPackage("..identity.api..", "..identity.command..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("..identity.query..", "..identity.web..",
                    "..identity.config..", "..identity.token..", "nl.startpakket.platform..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(StaffRole.class))));

    @ArchTest
    static final ArchRule queriesDoNotSendCommands = noClasses()
            .that().resideInAPackage("..identity.query..")
            .should().dependOnClassesThat().haveNameMatching("org.axonframework.commandhandling.gateway.CommandGateway");

    @ArchTest
    static final ArchRule eventsAreRecords = classes()
            .that().resideInAPackage("..identity.api..").and().haveSimpleNameEndingWith("Event")
            .should().beRecords();

    @ArchTest
    static final ArchRule commandsAreRecords = classes()
            .that().resideInAPackage("..identity.api..").and().haveSimpleNameEndingWith("Command")
            .should().beRecords();
}
