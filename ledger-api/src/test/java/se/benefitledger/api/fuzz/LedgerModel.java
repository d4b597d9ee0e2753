package se.benefitledger.api.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Users;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static se.benefitledger.api.fuzz.Template.Scope.BY_ID;
import static se.benefitledger.api.fuzz.Template.Scope.BY_MUNICIPALITY;
import static se.benefitledger.api.fuzz.Template.Scope.NONE;

/**
 * What the ledger accepted so far, in the fuzzer's own municipalities, and the valid requests that
 * follow from it. Whatever the ledger answers 2xx to a valid request is recorded here; at the end
 * the reports must equal a naive computation over this record.
 */
final class LedgerModel {

    static final ObjectMapper json = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));
    /** Benefit months of the fuzzer's decisions: recent years and both ends of the contract's range. */
    static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);
    static final YearMonth LAST_MONTH = YearMonth.of(2099, 12);

    enum Fate { SCHEDULED, CANCELLED, BATCHED, EXECUTED, REJECTED, RETURNED }

    static final class Household {
        final UUID id;
        final String municipality;
        final List<String> personnummer;
        boolean closed;

        Household(UUID id, String municipality, List<String> personnummer) {
            this.id = id;
            this.municipality = municipality;
            this.personnummer = personnummer;
        }
    }

    static final class Decision {
        final UUID id;
        final Household household;
        final YearMonth month;
        final long approved;
        long committed;
        boolean revoked;

        Decision(UUID id, Household household, YearMonth month, long approved) {
            this.id = id;
            this.household = household;
            this.month = month;
            this.approved = approved;
        }
    }

    static final class Payment {
        final UUID id;
        final Decision decision;
        final long amount;
        final LocalDate dueDate;
        Fate fate = Fate.SCHEDULED;
        Batch batch;
        LocalDate executedOn;
        LocalDate returnedOn;
        long erroneous;
        boolean claimed;
        boolean reissued;

        Payment(UUID id, Decision decision, long amount, LocalDate dueDate) {
            this.id = id;
            this.decision = decision;
            this.amount = amount;
            this.dueDate = dueDate;
        }

        String municipality() {
            return decision.household.municipality;
        }
    }

    static final class Batch {
        final UUID id;
        final String municipality;
        final LocalDate payoutDate;
        final List<Payment> payments;
        final Set<Payment> settled = new HashSet<>();

        Batch(UUID id, String municipality, LocalDate payoutDate, List<Payment> payments) {
            this.id = id;
            this.municipality = municipality;
            this.payoutDate = payoutDate;
            this.payments = payments;
        }
    }

    static final class Claim {
        final UUID id;
        final Household household;
        final long principal;
        final LocalDate decidedOn;
        long repaid;
        long waived;
        long writtenOff;
        /** Money repaid above the claim, due back to the debtor. */
        long refundDue;
        /**
         * The day of the last movement: the fuzzer dates each movement on or after the one before
         * (movements dated before an earlier one are an open question, reported, not explored here).
         */
        LocalDate lastMovementOn;

        Claim(UUID id, Household household, long principal, LocalDate decidedOn) {
            this.id = id;
            this.household = household;
            this.principal = principal;
            this.decidedOn = decidedOn;
            this.lastMovementOn = decidedOn;
        }

        long outstanding() {
            return principal - repaid - waived - writtenOff;
        }
    }

    final List<String> municipalities;
    /**
     * A household in 0488, a municipality of the restricted test users (shared with other tests, so
     * nothing is batched or reported there): what they name beside the fuzzer's objects, which they may not see.
     */
    UUID restrictedHousehold;
    final Random random;
    final List<Household> households = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Batch> batches = new ArrayList<>();
    final List<Claim> claims = new ArrayList<>();
    /** Every object id the ledger gave out, with its municipality. */
    final Map<UUID, String> municipalityOf = new HashMap<>();
    /** Every personnummer sent, valid or not, as its ten last digits. */
    final Set<String> personnummerSent = new HashSet<>();
    private final Set<String> personnummerUsed = new HashSet<>();
    /** Mutations make the model diverge from the ledger when the ledger wrongly accepts them; then the reports are not compared. */
    boolean diverged;

    LedgerModel(Random random, List<String> municipalities) {
        this.random = random;
        this.municipalities = municipalities;
    }

    // ---------------------------------------------------------------- valid requests

    Template household(String municipality, Users user) {
        var body = json.createObjectNode().put("municipality", municipality);
        var members = body.putArray("members");
        var people = new ArrayList<String>();
        people.add(personnummer(true));
        members.addObject().put("personalIdentityNumber", people.get(0)).put("role", "APPLICANT");
        if (random.nextInt(3) == 0) {
            people.add(personnummer(true));
            members.addObject().put("personalIdentityNumber", people.get(1)).put("role", "CO_APPLICANT");
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            people.add(personnummer(false));
            members.addObject().put("personalIdentityNumber", people.get(people.size() - 1)).put("role", "CHILD");
        }
        return Template.post("register household", user, "/api/v1/households", body, Set.of(), BY_MUNICIPALITY, Expectation.SUCCESS,
                response -> {
                    var household = new Household(UUID.fromString(response.json("$.householdId")), municipality, people);
                    if (municipalities.contains(municipality)) {
                        households.add(household);
                    }
                    municipalityOf.put(household.id, municipality);
                });
    }

    Template closure(Household household) {
        var body = json.createObjectNode().put("reason", pick("SELF_SUPPORTING", "MOVED", "OTHER_BENEFIT", "OTHER"))
                       .put("effectiveMonth", month().toString());
        return Template.post("close household", Users.NILS, "/api/v1/households/" + household.id + "/closure", body, Set.of(), BY_ID,
                Expectation.ANY, response -> household.closed = true);
    }

    Template decision(Household household) {
        YearMonth month = month();
        var body = json.createObjectNode().put("householdId", household.id.toString()).put("benefitMonth", month.toString());
        boolean granted = random.nextInt(8) != 0;
        body.put("outcome", granted ? "GRANTED" : "REJECTED")
            .put("legalBasis", pick("SOL_2025_12_1", "SOL_2025_12_2", "SOL_2001_4_1", "SOL_2001_4_2"));
        var lines = body.putArray("lines");
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            money(lines.addObject().put("type", pick("NORM", "RENT", "ELECTRICITY", "HOME_INSURANCE", "TRAVEL", "UNION_FEE", "MEDICAL",
                    "DENTAL", "OTHER")), "amount", 100_00 + random.nextInt(900_000));
        }
        if (random.nextBoolean()) {
            var incomes = body.putArray("incomes");
            for (int i = random.nextInt(3); i > 0; i--) {
                money(incomes.addObject().put("type", pick("WAGES", "BENEFITS", "STUDENT_AID", "MAINTENANCE", "OTHER")), "amount",
                        1 + random.nextInt(300_000));
            }
        }
        boolean closed = household.closed;
        return Template.post(closed ? "decision for a CLOSED household" : "make decision", Users.NILS, "/api/v1/decisions", body,
                Set.of("incomes"), BY_ID, closed ? Expectation.exactly(409) : Expectation.SUCCESS, response -> {
                    var decision = new Decision(UUID.fromString(response.json("$.decisionId")), household, month, ore(response.json("$.approvedAmount")));
                    decisions.add(decision);
                    municipalityOf.put(decision.id, household.municipality);
                });
    }

    Template revocation(Decision decision) {
        var body = json.createObjectNode().put("reason", text(1 + random.nextInt(140)));
        return Template.post("revoke decision", Users.NILS, "/api/v1/decisions/" + decision.id + "/revocation", body, Set.of(), BY_ID,
                Expectation.ANY, response -> {
                    decision.revoked = true;
                    payments.stream().filter(payment -> payment.decision == decision && payment.fate == Fate.SCHEDULED)
                            .forEach(payment -> {
                                payment.fate = Fate.CANCELLED;
                                decision.committed -= payment.amount;
                            });
                });
    }

    Template payment(Decision decision) {
        long room = decision.approved - decision.committed;
        long amount = room <= 0 ? 1 + random.nextInt(100_000) : 1 + (long) (random.nextDouble() * Math.min(room, 10_000_000_00L));
        LocalDate due = switch (random.nextInt(40)) {
            case 0 -> LocalDate.of(2000, 1, 1);
            case 1 -> LocalDate.of(2099, 12, 31);
            // around the benefit month, inside the contract's dates (the days before 2000-01 are not)
            default -> max(decision.month.atDay(1).minusDays(10).plusDays(random.nextInt(40)), LocalDate.of(2000, 1, 1));
        };
        var body = json.createObjectNode();
        money(body, "amount", amount);
        body.put("dueDate", due.toString());
        body.putObject("payee").put("type", pick("HOUSEHOLD", "LANDLORD", "SUPPLIER")).put("name", payeeName())
            .put("account", pick("8327-9 123456782", "SE4550000000058398257466", "SE45 5000 0000 0583 9825 7466", "BG 5050-1055",
                    "PG 12 34 56-6", "6789 123456789", "DE89370400440532013000", "NO93 8601 1117 947", "5839-8257466", "9180 1234567897",
                    "GB29 NWBK 6016 1331 9268 19"));
        boolean closed = decision.household.closed;
        boolean fits = room >= amount && !decision.revoked;
        return Template.post(closed ? "payment on a CLOSED household's decision" : "schedule payment", Users.NILS,
                "/api/v1/decisions/" + decision.id + "/payments", body, Set.of(), BY_ID,
                closed ? Expectation.exactly(409) : fits ? Expectation.SUCCESS : Expectation.exactly(409, 422), response -> {
                    var payment = new Payment(UUID.fromString(response.json("$.paymentId")), decision, amount, due);
                    payments.add(payment);
                    decision.committed += amount;
                    municipalityOf.put(payment.id, payment.municipality());
                });
    }

    Template cancellation(Payment payment) {
        var body = json.createObjectNode().put("reason", text(1 + random.nextInt(140)));
        return Template.post("cancel payment", Users.NILS, "/api/v1/payments/" + payment.id + "/cancellation", body, Set.of(), BY_ID,
                payment.fate == Fate.SCHEDULED ? Expectation.SUCCESS : Expectation.exactly(409), response -> {
                    payment.fate = Fate.CANCELLED;
                    payment.decision.committed -= payment.amount;
                });
    }

    Template batch(String municipality, LocalDate payoutDate) {
        var body = json.createObjectNode().put("municipality", municipality).put("payoutDate", payoutDate.toString());
        var taken = payments.stream().filter(payment -> payment.municipality().equals(municipality) && payment.fate == Fate.SCHEDULED
                && !payment.dueDate.isAfter(payoutDate)).toList();
        return Template.post("create payout batch", Users.FRIDA, "/api/v1/payout-batches", body, Set.of(), BY_MUNICIPALITY,
                taken.isEmpty() ? Expectation.exactly(422) : Expectation.SUCCESS, response -> {
                    var batch = new Batch(UUID.fromString(response.json("$.batchId")), municipality, payoutDate, new ArrayList<>(taken));
                    int count = ((Number) response.json("$.paymentCount")).intValue();
                    long total = ore(response.json("$.controlTotal"));
                    if (count != taken.size() || total != taken.stream().mapToLong(payment -> payment.amount).sum()) {
                        throw new AssertionError("the batch took " + count + " payments of " + total + " öre; the model expected "
                                + taken.size() + " of " + taken.stream().mapToLong(payment -> payment.amount).sum());
                    }
                    taken.forEach(payment -> {
                        payment.fate = Fate.BATCHED;
                        payment.batch = batch;
                    });
                    batches.add(batch);
                    municipalityOf.put(batch.id, municipality);
                });
    }

    Template settlement(Batch batch) {
        var open = batch.payments.stream().filter(payment -> !batch.settled.contains(payment)).toList();
        var chosen = new ArrayList<>(open.subList(0, open.isEmpty() ? 0 : 1 + random.nextInt(open.size())));
        LocalDate settledOn = batch.payoutDate.isAfter(TODAY) ? TODAY : batch.payoutDate;
        var body = json.createObjectNode().put("settledOn", settledOn.toString());
        var results = body.putArray("results");
        var outcomes = new LinkedHashMap<Payment, Boolean>();
        for (var payment : chosen) {
            boolean executed = random.nextInt(8) != 0;
            outcomes.put(payment, executed);
            var result = results.addObject().put("paymentId", payment.id.toString()).put("status", executed ? "EXECUTED" : "REJECTED");
            if (!executed) {
                result.put("reason", text(1 + random.nextInt(40)));
            } else if (random.nextBoolean()) {
                result.putNull("reason");
            }
        }
        return Template.post("settle batch", Users.FRIDA, "/api/v1/payout-batches/" + batch.id + "/settlement", body, Set.of("reason"),
                BY_ID, chosen.isEmpty() ? Expectation.REFUSED : Expectation.SUCCESS, response -> outcomes.forEach((payment, executed) -> {
                    batch.settled.add(payment);
                    payment.fate = executed ? Fate.EXECUTED : Fate.REJECTED;
                    payment.executedOn = executed ? settledOn : null;
                    if (!executed) {
                        payment.decision.committed -= payment.amount;
                    }
                }));
    }

    Template paymentReturn(Payment payment) {
        LocalDate returnedOn = payment.executedOn == null ? TODAY : payment.executedOn.plusDays(random.nextInt(30));
        LocalDate on = returnedOn.isAfter(TODAY) ? TODAY : returnedOn;
        var body = json.createObjectNode().put("returnedOn", on.toString()).put("reason", text(1 + random.nextInt(140)));
        boolean returnable = payment.fate == Fate.EXECUTED && payment.erroneous == 0;
        String operation = payment.fate == Fate.EXECUTED && payment.erroneous > 0 ? "return of a payment found erroneous" : "return payment";
        return Template.post(operation, Users.FRIDA, "/api/v1/payments/" + payment.id + "/return", body, Set.of(), BY_ID,
                returnable ? Expectation.SUCCESS : Expectation.exactly(409), response -> {
                    payment.fate = Fate.RETURNED;
                    payment.returnedOn = on;
                    // the decision's reservation is released: the payment may be reissued
                    payment.decision.committed -= payment.amount;
                });
    }

    /** A new payment of a RETURNED or REJECTED one: same decision and amount, a new due date, now and then a new payee. */
    Template reissue(Payment original) {
        var decision = original.decision;
        LocalDate due = TODAY.plusDays(random.nextInt(20));
        var body = json.createObjectNode().put("dueDate", due.toString());
        if (random.nextBoolean()) {
            body.putObject("payee").put("type", pick("HOUSEHOLD", "LANDLORD", "SUPPLIER")).put("name", payeeName())
                .put("account", pick("SE4550000000058398257466", "BG 5050-1055", "PG 12 34 56-6", "8327-9 123456782"));
        }
        boolean reissuable = (original.fate == Fate.RETURNED || original.fate == Fate.REJECTED) && !original.reissued;
        boolean fits = decision.approved - decision.committed >= original.amount && !decision.revoked && !decision.household.closed;
        return Template.post("reissue payment", Users.NILS, "/api/v1/payments/" + original.id + "/reissue", body, Set.of("payee"), BY_ID,
                !reissuable ? Expectation.exactly(409) : fits ? Expectation.SUCCESS : Expectation.ANY, response -> {
                    var payment = new Payment(UUID.fromString(response.json("$.paymentId")), decision, original.amount, due);
                    original.reissued = true;
                    payments.add(payment);
                    decision.committed += original.amount;
                    municipalityOf.put(payment.id, payment.municipality());
                });
    }

    Template erroneous(Payment payment) {
        long room = payment.amount - payment.erroneous;
        long amount = room <= 0 ? 1 : 1 + (long) (random.nextDouble() * room);
        var body = json.createObjectNode();
        money(body, "amount", amount);
        body.put("cause", pick("INCORRECT_INFORMATION", "ADMINISTRATIVE_ERROR", "DUPLICATE_PAYMENT", "SUSPECTED_FRAUD"));
        if (random.nextBoolean()) {
            body.put("note", text(1 + random.nextInt(140)));
        }
        boolean allowed = payment.fate == Fate.EXECUTED && amount <= room;
        return Template.post("erroneous payment", Users.INES, "/api/v1/payments/" + payment.id + "/erroneous", body, Set.of("note"), BY_ID,
                allowed ? Expectation.SUCCESS : Expectation.exactly(409, 422), response -> payment.erroneous += amount);
    }

    Template claim(Household household, List<Payment> linked) {
        long principal = linked.stream().mapToLong(payment -> payment.erroneous).sum();
        var body = json.createObjectNode().put("householdId", household.id.toString());
        ArrayNode ids = body.putArray("paymentIds");
        linked.forEach(payment -> ids.add(payment.id.toString()));
        money(body, "principal", Math.max(1, principal));
        LocalDate decidedOn = TODAY.minusDays(random.nextInt(5));
        body.put("ground", pick("INCORRECT_INFORMATION", "ADVANCE", "CONDITIONAL", "OTHER"))
            .put("decidedOn", decidedOn.toString());
        return Template.post("recovery claim", Users.INES, "/api/v1/recovery-claims", body, Set.of(), BY_ID,
                principal > 0 ? Expectation.SUCCESS : Expectation.REFUSED, response -> {
                    var claim = new Claim(UUID.fromString(response.json("$.claimId")), household, principal, decidedOn);
                    linked.forEach(payment -> payment.claimed = true);
                    claims.add(claim);
                    municipalityOf.put(claim.id, household.municipality);
                });
    }

    Template reduction(Claim claim) {
        long amount = claim.outstanding() <= 0 ? 1 : 1 + (long) (random.nextDouble() * claim.outstanding());
        var body = json.createObjectNode();
        money(body, "amount", amount);
        boolean fits = amount <= claim.outstanding();
        return switch (random.nextInt(4)) {
            case 0 -> repayment(claim, amount);
            case 1 -> repayment(claim, claim.outstanding() + 1 + random.nextInt(50_000));
            case 2 -> Template.post("waiver", Users.INES, "/api/v1/recovery-claims/" + claim.id + "/waivers",
                    decided(claim, body.put("reason", text(1 + random.nextInt(140)))), Set.of("decidedOn"), BY_ID,
                    fits ? Expectation.SUCCESS : Expectation.exactly(422), response -> {
                        claim.waived += amount;
                        claim.lastMovementOn = decidedOn(body);
                    });
            default -> Template.post("write-off", Users.FRIDA, "/api/v1/recovery-claims/" + claim.id + "/write-offs",
                    decided(claim, body.put("reason", text(1 + random.nextInt(140)))), Set.of("decidedOn"), BY_ID,
                    fits ? Expectation.SUCCESS : Expectation.exactly(422), response -> {
                        claim.writtenOff += amount;
                        claim.lastMovementOn = decidedOn(body);
                    });
        };
    }

    /** A waiver or write-off dated on or after the claim's last movement; without {@code decidedOn} it is today's. */
    private ObjectNode decided(Claim claim, ObjectNode body) {
        return random.nextBoolean() ? body : body.put("decidedOn", between(claim.lastMovementOn, TODAY).toString());
    }

    private static LocalDate decidedOn(ObjectNode body) {
        return body.has("decidedOn") ? LocalDate.parse(body.get("decidedOn").asText()) : TODAY;
    }

    /** A repayment is accepted whatever it is: what reduces the claim is repaid (written-off money first), the rest is due back. */
    private Template repayment(Claim claim, long amount) {
        var body = json.createObjectNode();
        money(body, "amount", amount);
        LocalDate receivedOn = between(claim.lastMovementOn, TODAY);
        body.put("receivedOn", receivedOn.toString());
        return Template.post(amount > claim.outstanding() ? "repayment above the claim" : "repayment", Users.FRIDA,
                "/api/v1/recovery-claims/" + claim.id + "/repayments", body, Set.of(), BY_ID, Expectation.SUCCESS, response -> {
                    long fromWrittenOff = Math.min(amount, claim.writtenOff);
                    long reducing = Math.min(amount - fromWrittenOff, claim.outstanding());
                    claim.writtenOff -= fromWrittenOff;
                    claim.repaid += fromWrittenOff + reducing;
                    claim.refundDue += amount - fromWrittenOff - reducing;
                    claim.lastMovementOn = receivedOn;
                });
    }

    Template refund(Claim claim) {
        long amount = claim.refundDue <= 0 ? 1 : 1 + (long) (random.nextDouble() * claim.refundDue);
        var body = json.createObjectNode();
        money(body, "amount", amount);
        LocalDate paidOn = between(claim.lastMovementOn, TODAY);
        body.put("paidOn", paidOn.toString());
        return Template.post("refund", Users.FRIDA, "/api/v1/recovery-claims/" + claim.id + "/refunds", body, Set.of(), BY_ID,
                amount <= claim.refundDue ? Expectation.SUCCESS : Expectation.exactly(409, 422), response -> {
                    claim.refundDue -= amount;
                    claim.lastMovementOn = paidOn;
                });
    }

    /** A GET of an object or report; the templates for mutations of query parameters too. */
    Template read() {
        String municipality = pick(municipalities.toArray(String[]::new));
        Users reader = pick(Users.FRIDA, Users.INES, Users.ALVA, Users.RUT);
        return switch (random.nextInt(12)) {
            case 0 -> households.isEmpty() ? read() : Template.get("get household", pick(Users.NILS, Users.INES, Users.ALVA),
                    "/api/v1/households/" + any(households).id, Map.of(), BY_ID);
            case 1 -> households.isEmpty() ? read() : Template.get("household history", pick(Users.INES, Users.ALVA),
                    "/api/v1/households/" + any(households).id + "/history",
                    random.nextBoolean() ? Map.of() : Map.of("asOf", TODAY.atStartOfDay(ZoneId.of("UTC")).toInstant().toString(), "page", "0",
                            "size", "50"), BY_ID);
            case 2 -> households.isEmpty() ? read() : Template.get("find household by personnummer", Users.NILS, "/api/v1/households",
                    Map.of("personalIdentityNumber", any(any(households).personnummer)), NONE);
            case 3 -> decisions.isEmpty() ? read() : Template.get("get decision", Users.NILS, "/api/v1/decisions/" + any(decisions).id, Map.of(), BY_ID);
            case 4 -> payments.isEmpty() ? read() : Template.get("get payment", pick(Users.NILS, Users.FRIDA, Users.INES, Users.ALVA),
                    "/api/v1/payments/" + any(payments).id, Map.of(), BY_ID);
            case 5 -> batches.isEmpty() ? read() : Template.get("payout batch", Users.FRIDA, "/api/v1/payout-batches/" + any(batches).id
                    + pick("", "/payments", "/file"), Map.of(), BY_ID);
            case 6 -> claims.isEmpty() ? read() : Template.get("get claim", pick(Users.INES, Users.FRIDA, Users.ALVA),
                    "/api/v1/recovery-claims/" + any(claims).id, Map.of(), BY_ID);
            case 7 -> Template.get("monthly spend", reader, "/api/v1/reports/monthly-spend", Map.of("municipality", municipality,
                    "from", "2020-01", "to", pick("2020-12", "2024-12", "2029-12"), "basis", pick("BENEFIT_MONTH", "PAYMENT_DATE")), BY_MUNICIPALITY);
            case 8 -> Template.get("duration buckets", reader, "/api/v1/reports/duration-buckets", random.nextBoolean()
                    ? Map.of("municipality", municipality, "month", month().toString())
                    : Map.of("municipality", municipality, "year", Integer.toString(month().getYear())), BY_MUNICIPALITY);
            case 9 -> Template.get("recovery balances", reader, "/api/v1/reports/recovery-balances", random.nextBoolean()
                    ? Map.of("municipality", municipality)
                    : Map.of("municipality", municipality, "status", pick("OPEN", "CLOSED"), "page", "0", "size", "500"), BY_MUNICIPALITY);
            case 10 -> Template.get("reconciliation", reader, "/api/v1/reports/reconciliation", Map.of("municipality", municipality,
                    "from", "2000-01-01", "to", "2099-12-31", "page", Integer.toString(random.nextInt(3)), "size", "50"), BY_MUNICIPALITY);
            default -> Template.get("projections", Users.ADAM, "/api/v1/admin/projections", Map.of(), NONE);
        };
    }

    // ---------------------------------------------------------------- choosing

    /** A valid request that moves the ledger on, chosen among what the model's state allows. */
    Template next() {
        for (int attempt = 0; attempt < 20; attempt++) {
            var template = attempt();
            if (template != null) {
                return template;
            }
        }
        return household(pick(municipalities.toArray(String[]::new)), Users.NILS);
    }

    private Template attempt() {
        int roll = random.nextInt(100);
        if (roll < 8 || households.size() < 3) {
            return household(pick(municipalities.toArray(String[]::new)), Users.NILS);
        }
        if (roll < 10) {
            return closure(any(households));
        }
        if (roll < 22) {
            return decision(any(households));
        }
        if (roll < 24) {
            return decisions.isEmpty() ? null : revocation(any(decisions));
        }
        if (roll < 42) {
            var open = filter(decisions, decision -> !decision.revoked && decision.approved > decision.committed);
            return open.isEmpty() ? null : payment(any(open));
        }
        if (roll < 45) {
            var scheduled = filter(payments, payment -> payment.fate == Fate.SCHEDULED);
            return scheduled.isEmpty() ? null : cancellation(any(scheduled));
        }
        if (roll < 53) {
            var scheduled = filter(payments, payment -> payment.fate == Fate.SCHEDULED);
            if (scheduled.isEmpty()) {
                return null;
            }
            var chosen = any(scheduled);
            LocalDate payoutDate = random.nextInt(4) == 0 ? chosen.dueDate.plusDays(random.nextInt(20)) : chosen.dueDate;
            return batch(chosen.municipality(), payoutDate.isAfter(LocalDate.of(2099, 12, 31)) ? LocalDate.of(2099, 12, 31) : payoutDate);
        }
        if (roll < 63) {
            var unsettled = filter(batches, batch -> batch.settled.size() < batch.payments.size());
            return unsettled.isEmpty() ? null : settlement(any(unsettled));
        }
        if (roll < 67) {
            var executed = filter(payments, payment -> payment.fate == Fate.EXECUTED);
            return executed.isEmpty() ? null : paymentReturn(any(executed));
        }
        if (roll < 74) {
            var executed = filter(payments, payment -> payment.fate == Fate.EXECUTED && payment.erroneous < payment.amount && !payment.claimed);
            return executed.isEmpty() ? null : erroneous(any(executed));
        }
        if (roll < 79) {
            var unclaimed = filter(payments, payment -> payment.fate == Fate.EXECUTED && payment.erroneous > 0 && !payment.claimed);
            if (unclaimed.isEmpty()) {
                return null;
            }
            var household = any(unclaimed).decision.household;
            return claim(household, filter(unclaimed, payment -> payment.decision.household == household));
        }
        if (roll < 84) {
            var open = filter(claims, claim -> claim.outstanding() > 0);
            return open.isEmpty() ? null : reduction(any(open));
        }
        if (roll < 86) {
            var due = filter(claims, claim -> claim.refundDue > 0);
            return due.isEmpty() ? null : refund(any(due));
        }
        if (roll < 88) {
            var unpaid = filter(payments, payment -> (payment.fate == Fate.RETURNED || payment.fate == Fate.REJECTED) && !payment.reissued);
            return unpaid.isEmpty() ? null : reissue(any(unpaid));
        }
        return read();
    }

    /**
     * A template of any operation for a mutation to spoil: the objects it names need not be in a
     * state that would let it succeed, as the mutation makes it invalid anyway.
     */
    Template anyOperation() {
        if (households.isEmpty() || payments.isEmpty()) {
            return next();
        }
        return switch (random.nextInt(17)) {
            case 0 -> household(pick(municipalities.toArray(String[]::new)), Users.NILS);
            case 1 -> closure(any(households));
            case 2 -> decision(any(households));
            case 3 -> revocation(any(decisions));
            case 4 -> payment(any(decisions));
            case 5 -> cancellation(any(payments));
            case 6 -> batch(any(payments).municipality(), any(payments).dueDate);
            case 7 -> batches.isEmpty() ? read() : settlement(any(batches));
            case 8 -> paymentReturn(any(payments));
            case 9 -> erroneous(any(payments));
            case 10 -> claim(any(payments).decision.household, List.of(any(payments)));
            case 11 -> claims.isEmpty() ? read() : reduction(any(claims));
            case 12 -> claims.isEmpty() ? read() : refund(any(claims));
            case 13 -> reissue(any(payments));
            default -> read();
        };
    }

    // ---------------------------------------------------------------- values

    YearMonth month() {
        return switch (random.nextInt(30)) {
            case 0 -> FIRST_MONTH;
            case 1 -> LAST_MONTH;
            default -> YearMonth.of(2020 + random.nextInt(5), 1 + random.nextInt(12));
        };
    }

    /** A valid personnummer (or samordningsnummer) in one of its accepted forms, never used before in this run. */
    String personnummer(boolean adult) {
        while (true) {
            LocalDate born = adult ? LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28))
                                   : LocalDate.of(2010 + random.nextInt(14), 1 + random.nextInt(12), 1 + random.nextInt(28));
            int day = born.getDayOfMonth() + (random.nextInt(10) == 0 ? 60 : 0);
            String nine = String.format("%02d%02d%02d%03d", born.getYear() % 100, born.getMonthValue(), day, random.nextInt(1000));
            String ten = nine + luhn(nine);
            if (!personnummerUsed.add(ten)) {
                continue;
            }
            personnummerSent.add(ten);
            String century = Integer.toString(born.getYear() / 100);
            return switch (random.nextInt(4)) {
                case 0 -> century + ten;
                case 1 -> century + ten.substring(0, 6) + "-" + ten.substring(6);
                case 2 -> ten.substring(0, 6) + "-" + ten.substring(6);
                default -> ten;
            };
        }
    }

    static int luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    /** Valid text of exactly the given length: letters of several scripts, digits, punctuation and an emoji now and then. */
    String text(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCÅÄÖ åäöéü 0123456789 .,-:;!?()\"'/&+ ßøæñçłžő Привет 你好 ";
        var text = new StringBuilder();
        while (text.length() < length) {
            // an emoji is two UTF-16 units but one character: only within the bound, so a text beyond it is so by any count
            if (random.nextInt(60) == 0 && text.length() + 2 <= length && length <= 140) {
                text.append("😀");
            } else {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        var value = new StringBuilder(text.toString().strip());
        while (value.length() < length) {
            value.append('x');
        }
        return value.toString();
    }

    String payeeName() {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZåäöÅÄÖéüÉÜ0123456789 .,-/'&()+";
        int length = random.nextInt(10) == 0 ? 70 : 2 + random.nextInt(30);
        var name = new StringBuilder("A");
        while (name.length() < length) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString().strip();
    }

    /** An amount as the contract allows it: a string with two, one or no decimals, or a JSON number. */
    void money(ObjectNode node, String field, long ore) {
        BigDecimal value = BigDecimal.valueOf(ore, 2);
        switch (random.nextInt(6)) {
            case 0 -> node.put(field, value);
            case 1 -> node.put(field, ore % 100 == 0 ? Long.toString(ore / 100) : value.toPlainString());
            default -> node.put(field, value.toPlainString());
        }
    }

    private static LocalDate max(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }

    /** A day from {@code first} to {@code last}, both included. */
    LocalDate between(LocalDate first, LocalDate last) {
        return first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, last) + 1));
    }

    static long ore(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    <T> T any(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static <T> List<T> filter(List<T> values, Predicate<T> predicate) {
        return values.stream().filter(predicate).toList();
    }
}
