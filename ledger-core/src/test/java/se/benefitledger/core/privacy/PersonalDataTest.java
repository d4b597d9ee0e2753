package se.benefitledger.core.privacy;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.benefitledger.core.shared.BusinessRuleViolation;

import java.util.List;
import java.util.UUID;

class PersonalDataTest {

    private final UUID personId = UUID.randomUUID();
    private final UUID payeeId = UUID.randomUUID();
    private FixtureConfiguration<PersonalData> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PersonalData.class);
    }

    @Test
    void recordsTheErasureByPersonIdWithThePayeesErasedWithIt() {
        fixture.givenNoPriorActivity()
               .when(new ErasePersonalDataCommand(personId, List.of(payeeId), "weeding: 5 years after the last entry"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new PersonalDataErasedEvent(personId, List.of(payeeId), "weeding: 5 years after the last entry"));
    }

    @Test
    void rejectsAnErasureWithoutAReason() {
        fixture.givenNoPriorActivity()
               .when(new ErasePersonalDataCommand(personId, List.of(), " "))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }
}
