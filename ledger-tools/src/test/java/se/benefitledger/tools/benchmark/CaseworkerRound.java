package se.benefitledger.tools.benchmark;

import se.benefitledger.tools.demo.SyntheticPlan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The benchmarks' ordinary commands, one caseworker's round: register a household of one new applicant, grant it a
 * decision (norm and rent) and schedule its two payments. Four POSTs, each through {@code post}.
 */
final class CaseworkerRound {

    /** Sends a POST and answers the id field of its 201 response. */
    interface Post {
        String send(String path, String body, String idField) throws Exception;
    }

    private CaseworkerRound() {
    }

    static void run(Post post, String municipality, long person, YearMonth benefitMonth, LocalDate dueDate) throws Exception {
        String number = SyntheticPlan.adultOfNoPlan(person).digits();
        String household = post.send("/api/v1/households", """
                {"municipality": "%s", "members": [{"personalIdentityNumber": "%s", "role": "APPLICANT"}]}""".formatted(municipality, number),
                "householdId");
        String decision = post.send("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "%s", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1",
                 "lines": [{"type": "NORM", "amount": "5200.00"}, {"type": "RENT", "amount": "5800.00"}], "incomes": []}"""
                .formatted(household, benefitMonth), "decisionId");
        for (String amount : List.of("5200.00", "5800.00")) {
            post.send("/api/v1/decisions/" + decision + "/payments", """
                    {"amount": "%s", "dueDate": "%s",
                     "payee": {"type": "HOUSEHOLD", "name": "Klient Klientsson", "account": "8327-9 123456782"}}""".formatted(amount, dueDate),
                    "paymentId");
        }
    }
}
