package se.benefitledger.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture, as rules the build checks (see docs/architecture.md): the domain stays plain,
 * the read side never knows the API, features use each other only through what they publish, and
 * the platform (security, idempotency, problems, PII, web, logging) serves every feature and
 * depends on none.
 */
@AnalyzeClasses(packages = "se.benefitledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    static final List<String> API_FEATURES = List.of("admin", "decision", "history", "household", "payment", "payout", "recovery", "report");
    static final List<String> PLATFORM = List.of("security", "idempotency", "problem", "pii", "web", "logging", "cluster");
    private static final Pattern API_FEATURE = Pattern.compile("se\\.benefitledger\\.api\\.(" + String.join("|", API_FEATURES) + ")(\\..*)?");

    @ArchTest
    static final ArchRule coreWithoutSpringOrSql = noClasses().that().resideInAPackage("se.benefitledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "se.benefitledger.projections..",
                    "se.benefitledger.api..")
            .because("ledger-core is the domain: Axon's modelling API and plain Java only");

    @ArchTest
    static final ArchRule projectionsNeverDependOnTheApi = noClasses().that().resideInAPackage("se.benefitledger.projections..")
            .should().dependOnClassesThat().resideInAPackage("se.benefitledger.api..")
            .because("the read side is used by the API, never the other way round");

    @ArchTest
    static final ArchRule platformDependsOnNoFeature = noClasses().that().resideInAnyPackage(packages("se.benefitledger.api.", PLATFORM))
            .should().dependOnClassesThat().resideInAnyPackage(packages("se.benefitledger.api.", API_FEATURES))
            .because("security, idempotency, problems, PII, web and logging serve every feature and know none");

    @ArchTest
    static final ArchRule nothingDependsOnTheConsole = noClasses().that().resideOutsideOfPackage("se.benefitledger.api.console..")
            .should().dependOnClassesThat().resideInAPackage("se.benefitledger.api.console..")
            .because("the console presents the features' services as pages, as the controllers present them as JSON; nothing builds on it");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOthersInternals = classes().that().resideInAnyPackage(packages("se.benefitledger.api.", API_FEATURES))
            .should(useOtherFeaturesOnlyThroughWhatTheyPublish());

    @ArchTest
    static final ArchRule eventsCarryARevision = classes().that().resideInAPackage("se.benefitledger.core..").and().haveSimpleNameEndingWith("Event")
            .should().beAnnotatedWith(Revision.class)
            .because("a stored event's revision is what an upcaster matches on (see docs/evolving-events.md)");

    @ArchTest
    static final ArchRule aggregatesCarryARevision = classes().that().resideInAPackage("se.benefitledger.core..")
            .and(JavaClass.Predicates.containAnyFieldsThat(CanBeAnnotated.Predicates.annotatedWith(AggregateIdentifier.class)))
            .should().beAnnotatedWith(Revision.class)
            .because("a snapshot carries its aggregate's revision, and raising it retires old snapshots (see docs/evolving-events.md)");

    @ArchTest
    static final ArchRule eventHandlersSendNothing = noClasses().that(JavaClass.Predicates.containAnyMethodsThat(
                    CanBeAnnotated.Predicates.annotatedWith(EventHandler.class)))
            .should().dependOnClassesThat(JavaClass.Predicates.assignableTo(CommandGateway.class).or(JavaClass.Predicates.assignableTo(CommandBus.class))
                                                              .or(JavaClass.Predicates.assignableTo(EventGateway.class))
                                                              .or(JavaClass.Predicates.assignableTo(EventBus.class))
                                                              .or(JavaClass.Predicates.assignableTo(DeadlineManager.class)))
            .because("only commands cause messages, so correlation data is only taken from commands (EventMetadataConfiguration.CommandsOnly)");

    private static String[] packages(String prefix, List<String> names) {
        return names.stream().map(name -> prefix + name + "..").toArray(String[]::new);
    }

    /**
     * Another feature's records and published components (e.g. {@code PaymentResponses}) may be used;
     * its internals (controllers, services, repositories, configuration) may not.
     */
    private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughWhatTheyPublish() {
        DescribedPredicate<CanBeAnnotated> internal = CanBeAnnotated.Predicates.metaAnnotatedWith(Controller.class)
                                                                              .or(CanBeAnnotated.Predicates.metaAnnotatedWith(Service.class))
                                                                              .or(CanBeAnnotated.Predicates.metaAnnotatedWith(Repository.class))
                                                                              .or(CanBeAnnotated.Predicates.metaAnnotatedWith(Configuration.class));
        return new ArchCondition<>("use other features only through what they publish, never their controllers, services, repositories or configuration") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                var own = feature(origin);
                for (var dependency : origin.getDirectDependenciesFromSelf()) {
                    var target = dependency.getTargetClass();
                    var theirs = feature(target);
                    if (own.isPresent() && theirs.isPresent() && !own.equals(theirs) && internal.test(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static Optional<String> feature(JavaClass type) {
        var matcher = API_FEATURE.matcher(type.getPackageName());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
