package se.benefitledger.api.support;

/** Builds the ledger's objects through the REST API, as a client would. */
public final class Ledger {

    private final int port;

    public Ledger(int port) {
        this.port = port;
    }

    public static String householdJson(String municipality, String... personnummer) {
        var members = new StringBuilder();
        for (int i = 0; i < personnummer.length; i++) {
            members.append(i == 0 ? "" : ", ")
                   .append("{\"personalIdentityNumber\": \"").append(personnummer[i]).append("\", \"role\": \"")
                   .append(i == 0 ? "APPLICANT" : "CHILD").append("\"}");
        }
        return "{\"municipality\": \"" + municipality + "\", \"members\": [" + members + "]}";
    }

    /** A GRANTED decision for the household and month approving {@code approved} (one NORM line); answers its id. */
    public String decision(String householdId, String benefitMonth, String approved) {
        var response = Users.NILS.on(port).post("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "%s", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1",
                 "lines": [{"type": "NORM", "amount": "%s"}], "incomes": []}""".formatted(householdId, benefitMonth, approved));
        return created(response, "decision").json("$.decisionId");
    }

    /** A payment to the household from the decision; answers its id. */
    public String payment(String decisionId, String amount, String dueDate) {
        var response = Users.NILS.on(port).post("/api/v1/decisions/" + decisionId + "/payments", paymentJson(amount, dueDate));
        return created(response, "payment").json("$.paymentId");
    }

    public static String paymentJson(String amount, String dueDate) {
        return """
                {"amount": "%s", "dueDate": "%s", "payee": {"type": "HOUSEHOLD", "name": "Test Testsson", "account": "8327-9 123456782"}}"""
                .formatted(amount, dueDate);
    }

    /** A batch of every SCHEDULED payment of the municipality due by the date; answers the response. */
    public Http.Response batch(String municipality, String payoutDate) {
        return Users.FRIDA.on(port).post("/api/v1/payout-batches", """
                {"municipality": "%s", "payoutDate": "%s"}""".formatted(municipality, payoutDate));
    }

    public Http.Response settle(String batchId, String settledOn, String... paymentIdAndStatus) {
        var results = new StringBuilder();
        for (int i = 0; i < paymentIdAndStatus.length; i += 2) {
            results.append(i == 0 ? "" : ", ").append("{\"paymentId\": \"").append(paymentIdAndStatus[i]).append("\", \"status\": \"")
                   .append(paymentIdAndStatus[i + 1]).append("\"}");
        }
        return Users.FRIDA.on(port).post("/api/v1/payout-batches/" + batchId + "/settlement",
                "{\"settledOn\": \"" + settledOn + "\", \"results\": [" + results + "]}");
    }

    /** A household of its own municipality whose payment of {@code amount} for {@code benefitMonth} was executed on 2021-02-25. */
    public Executed executedPayment(String amount, String benefitMonth) {
        String municipality = Municipalities.fresh();
        String household = household(municipality);
        String payment = payment(decision(household, benefitMonth, amount), amount, "2021-02-25");
        String batch = batch(municipality, "2021-02-25").json("$.batchId");
        settle(batch, "2021-02-25", payment, "EXECUTED");
        return new Executed(municipality, household, payment);
    }

    public record Executed(String municipality, String householdId, String paymentId) {
    }

    private static Http.Response created(Http.Response response, String what) {
        if (response.status() != 201) {
            throw new IllegalStateException("could not create a " + what + ": " + response);
        }
        return response;
    }

    /** A new household with a fresh applicant; answers its id. */
    public String household(String municipality) {
        var response = Users.NILS.on(port).post("/api/v1/households", householdJson(municipality, People.adult()));
        return created(response, "household").json("$.householdId");
    }
}
