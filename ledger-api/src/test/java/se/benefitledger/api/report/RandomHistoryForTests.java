package se.benefitledger.api.report;

import org.axonframework.eventhandling.DomainEventMessage;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.YearMonth;
import java.util.List;

/** A seeded random history of one municipality, as events, for tests outside this package. */
public record RandomHistoryForTests(long seed, String municipality) {

    public List<DomainEventMessage<?>> events() {
        return new RandomHistory(seed, MunicipalityCode.of(municipality), 20, YearMonth.of(2020, 1), YearMonth.of(2021, 12)).events;
    }
}
