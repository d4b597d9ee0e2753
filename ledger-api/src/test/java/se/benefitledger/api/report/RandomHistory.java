package se.benefitledger.api.report;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import se.benefitledger.core.decision.DecisionAmountReservedEvent;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionMadeEvent;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.payment.ErroneousAmountClaimedEvent;
import se.benefitledger.core.payment.ErroneousPaymentCause;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.payment.PaymentBatchedEvent;
import se.benefitledger.core.payment.PaymentCancelledEvent;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentFoundErroneousEvent;
import se.benefitledger.core.payment.PaymentRejectedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.payout.BatchedPayment;
import se.benefitledger.core.payout.PayoutBatchCreatedEvent;
import se.benefitledger.core.payout.PayoutBatchSettledEvent;
import se.benefitledger.core.payout.PayoutBatchSettlementRecordedEvent;
import se.benefitledger.core.payout.SettledPayment;
import se.benefitledger.core.payout.SettlementOutcome;
import se.benefitledger.core.recovery.ClaimWaivedEvent;
import se.benefitledger.core.recovery.ClaimWrittenOffEvent;
import se.benefitledger.core.recovery.ClaimedPayment;
import se.benefitledger.core.recovery.LawRegime;
import se.benefitledger.core.recovery.RecoveryClaimClosedEvent;
import se.benefitledger.core.recovery.RecoveryClaimDecidedEvent;
import se.benefitledger.core.recovery.RecoveryGround;
import se.benefitledger.core.recovery.RepaymentReceivedEvent;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A random but valid history of one municipality, as plain facts (for the test's own naive
 * computation of every report) and as the events the ledger would have stored for them: payments
 * through every lifecycle path, batches settled in one or two calls or not at all, returns,
 * erroneous findings, recovery claims with repayments, waivers and write-offs.
 */
final class RandomHistory {

    enum Fate { SCHEDULED, CANCELLED, BATCHED, EXECUTED, REJECTED, RETURNED }

    static final class Payment {
        final UUID id;
        final UUID decisionId;
        final UUID householdId;
        final YearMonth benefitMonth;
        final long amount;
        final LocalDate dueDate;
        Fate fate = Fate.SCHEDULED;
        UUID batchId;
        LocalDate executedOn;
        LocalDate returnedOn;
        long erroneous;

        Payment(UUID id, UUID decisionId, UUID householdId, YearMonth benefitMonth, long amount, LocalDate dueDate) {
            this.id = id;
            this.decisionId = decisionId;
            this.householdId = householdId;
            this.benefitMonth = benefitMonth;
            this.amount = amount;
            this.dueDate = dueDate;
        }

        boolean executed() {
            return fate == Fate.EXECUTED || fate == Fate.RETURNED;
        }
    }

    record Batch(UUID id, LocalDate payoutDate, List<Payment> payments, boolean settled) {
    }

    static final class Claim {
        final UUID id;
        final UUID householdId;
        final long principal;
        final LocalDate decidedOn;
        long repaid;
        long waived;
        long writtenOff;

        Claim(UUID id, UUID householdId, long principal, LocalDate decidedOn) {
            this.id = id;
            this.householdId = householdId;
            this.principal = principal;
            this.decidedOn = decidedOn;
        }

        long outstanding() {
            return principal - repaid - waived - writtenOff;
        }
    }

    final long seed;
    final MunicipalityCode municipality;
    final YearMonth first;
    final YearMonth last;
    final List<UUID> households = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Batch> batches = new ArrayList<>();
    final List<Claim> claims = new ArrayList<>();
    final List<DomainEventMessage<?>> events = new ArrayList<>();
    private final Random random;
    private final Map<UUID, Long> sequences = new HashMap<>();

    RandomHistory(long seed, MunicipalityCode municipality, int householdCount, YearMonth first, YearMonth last) {
        this.seed = seed;
        this.municipality = municipality;
        this.first = first;
        this.last = last;
        this.random = new Random(seed);
        householdsAndPayments(householdCount);
        batchesAndSettlements();
        returns();
        findingsAndClaims();
    }

    /** A history its caller tells fact by fact ({@link ToldHistory}): no events, nothing random. */
    RandomHistory(MunicipalityCode municipality, YearMonth first, YearMonth last) {
        this.seed = 0;
        this.municipality = municipality;
        this.first = first;
        this.last = last;
        this.random = null;
    }

    private void householdsAndPayments(int householdCount) {
        for (int h = 0; h < householdCount; h++) {
            UUID household = UUID.randomUUID();
            households.add(household);
            emit("Household", household, new HouseholdRegisteredEvent(household, municipality,
                    List.of(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1980, 1, 1)))));
            double activity = random.nextDouble();
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                if (random.nextDouble() > activity) {
                    continue;
                }
                UUID decision = UUID.randomUUID();
                long approved = 5_000_00 + random.nextInt(8_000_00);
                emit("Decision", decision, new DecisionMadeEvent(decision, household, municipality, BenefitMonth.of(month.getYear(),
                        month.getMonthValue()), DecisionOutcome.GRANTED, LegalBasis.SOL_2025_12_1,
                        List.of(new DecisionLine(LineType.NORM, Money.ofOre(approved))), List.of(), Money.ofOre(approved)));
                int count = 1 + random.nextInt(3);
                for (int p = 0; p < count; p++) {
                    long amount = 1 + random.nextInt((int) (approved / count));
                    // due from a week before the month to its end: payment dates fall around month boundaries
                    LocalDate due = month.atDay(1).minusDays(7).plusDays(random.nextInt(35));
                    var payment = new Payment(UUID.randomUUID(), decision, household, month, amount, due);
                    payments.add(payment);
                    emit("Decision", decision, new DecisionAmountReservedEvent(decision, payment.id, Money.ofOre(amount)));
                    emit("Payment", payment.id, new PaymentScheduledEvent(payment.id, decision, household, municipality, benefitMonth(payment),
                            LegalBasis.SOL_2025_12_1, Money.ofOre(amount), due, PayeeType.HOUSEHOLD, UUID.randomUUID()));
                    if (random.nextInt(10) == 0) {
                        payment.fate = Fate.CANCELLED;
                        emit("Payment", payment.id, new PaymentCancelledEvent(payment.id, decision, household, municipality, benefitMonth(payment),
                                Money.ofOre(amount), due, "cancelled"));
                    }
                }
            }
        }
    }

    /** One batch per due date, except a few payments left unbatched; most batches settled, some in two calls, some not yet. */
    private void batchesAndSettlements() {
        var byDueDate = new TreeMap<LocalDate, List<Payment>>();
        payments.stream().filter(payment -> payment.fate == Fate.SCHEDULED && random.nextInt(20) != 0)
                .forEach(payment -> byDueDate.computeIfAbsent(payment.dueDate, date -> new ArrayList<>()).add(payment));
        byDueDate.forEach((payoutDate, included) -> {
            UUID batch = UUID.randomUUID();
            for (var payment : included) {
                payment.fate = Fate.BATCHED;
                payment.batchId = batch;
                emit("Payment", payment.id, new PaymentBatchedEvent(payment.id, batch, municipality, payoutDate));
            }
            long total = included.stream().mapToLong(payment -> payment.amount).sum();
            emit("PayoutBatch", batch, new PayoutBatchCreatedEvent(batch, municipality, payoutDate,
                    included.stream().map(payment -> new BatchedPayment(payment.id, Money.ofOre(payment.amount))).toList(), Money.ofOre(total)));
            int settledUpTo = random.nextInt(8) == 0 ? random.nextInt(included.size()) : included.size();
            int firstCall = random.nextBoolean() ? settledUpTo : settledUpTo / 2;
            settle(batch, included.subList(0, firstCall), payoutDate);
            settle(batch, included.subList(firstCall, settledUpTo), payoutDate.plusDays(1));
            if (settledUpTo == included.size()) {
                emit("PayoutBatch", batch, new PayoutBatchSettledEvent(batch, municipality, payoutDate.plusDays(1)));
            }
            batches.add(new Batch(batch, payoutDate, included, settledUpTo == included.size()));
        });
    }

    private void settle(UUID batch, List<Payment> settled, LocalDate settledOn) {
        if (settled.isEmpty()) {
            return;
        }
        var results = new ArrayList<SettledPayment>();
        for (var payment : settled) {
            boolean rejected = random.nextInt(15) == 0;
            results.add(new SettledPayment(payment.id, rejected ? SettlementOutcome.REJECTED : SettlementOutcome.EXECUTED,
                    Money.ofOre(payment.amount), rejected ? "account closed" : null));
        }
        emit("PayoutBatch", batch, new PayoutBatchSettlementRecordedEvent(batch, municipality, settledOn, results));
        for (var payment : settled) {
            boolean rejected = results.stream().anyMatch(result -> result.paymentId().equals(payment.id) && result.outcome() == SettlementOutcome.REJECTED);
            if (rejected) {
                payment.fate = Fate.REJECTED;
                emit("Payment", payment.id, new PaymentRejectedEvent(payment.id, batch, payment.decisionId, payment.householdId, municipality,
                        benefitMonth(payment), Money.ofOre(payment.amount), payment.dueDate, "account closed"));
            } else {
                payment.fate = Fate.EXECUTED;
                payment.executedOn = settledOn;
                emit("Payment", payment.id, new PaymentExecutedEvent(payment.id, batch, payment.householdId, municipality, benefitMonth(payment),
                        Money.ofOre(payment.amount), settledOn));
            }
        }
    }

    private void returns() {
        for (var payment : payments) {
            if (payment.fate == Fate.EXECUTED && random.nextInt(25) == 0) {
                payment.fate = Fate.RETURNED;
                // returns come days or weeks later, sometimes in the next month
                payment.returnedOn = payment.executedOn.plusDays(1 + random.nextInt(30));
                emit("Payment", payment.id, new PaymentReturnedEvent(payment.id, payment.batchId, payment.householdId, municipality,
                        benefitMonth(payment), Money.ofOre(payment.amount), payment.executedOn, payment.returnedOn, "returned"));
            }
        }
    }

    private void findingsAndClaims() {
        var byHousehold = new LinkedHashMap<UUID, List<Payment>>();
        for (var payment : payments) {
            if (payment.fate == Fate.EXECUTED && random.nextInt(12) == 0) {
                payment.erroneous = 1 + random.nextInt((int) payment.amount);
                emit("Payment", payment.id, new PaymentFoundErroneousEvent(payment.id, payment.householdId, municipality, benefitMonth(payment),
                        Money.ofOre(payment.erroneous), ErroneousPaymentCause.INCORRECT_INFORMATION, null, Money.ofOre(payment.erroneous)));
                byHousehold.computeIfAbsent(payment.householdId, household -> new ArrayList<>()).add(payment);
            }
        }
        byHousehold.forEach((household, erroneous) -> {
            if (random.nextInt(3) == 0) {
                return;
            }
            long principal = erroneous.stream().mapToLong(payment -> payment.erroneous).sum();
            LocalDate earliest = erroneous.stream().map(payment -> payment.executedOn).min(LocalDate::compareTo).orElseThrow();
            var claim = new Claim(UUID.randomUUID(), household, principal, earliest.plusMonths(2));
            claims.add(claim);
            for (var payment : erroneous) {
                emit("Payment", payment.id, new ErroneousAmountClaimedEvent(payment.id, claim.id, Money.ofOre(payment.erroneous)));
            }
            emit("RecoveryClaim", claim.id, new RecoveryClaimDecidedEvent(claim.id, household, municipality,
                    erroneous.stream().map(payment -> new ClaimedPayment(payment.id, Money.ofOre(payment.erroneous), benefitMonth(payment),
                            payment.executedOn)).toList(), Money.ofOre(principal), RecoveryGround.INCORRECT_INFORMATION, claim.decidedOn,
                    LawRegime.SOL_2001, earliest.plusYears(3)));
            int reductions = random.nextInt(4);
            for (int r = 0; r < reductions && claim.outstanding() > 0; r++) {
                long amount = r == reductions - 1 && random.nextBoolean() ? claim.outstanding() : 1 + random.nextInt((int) claim.outstanding());
                switch (random.nextInt(3)) {
                    case 0 -> {
                        claim.repaid += amount;
                        emit("RecoveryClaim", claim.id, new RepaymentReceivedEvent(claim.id, household, municipality, Money.ofOre(amount),
                                claim.decidedOn.plusMonths(r + 1), Money.ofOre(claim.outstanding())));
                    }
                    case 1 -> {
                        claim.waived += amount;
                        emit("RecoveryClaim", claim.id, new ClaimWaivedEvent(claim.id, household, municipality, Money.ofOre(amount), "hardship",
                                Money.ofOre(claim.outstanding())));
                    }
                    default -> {
                        claim.writtenOff += amount;
                        emit("RecoveryClaim", claim.id, new ClaimWrittenOffEvent(claim.id, household, municipality, Money.ofOre(amount),
                                "uncollectable", Money.ofOre(claim.outstanding())));
                    }
                }
                if (claim.outstanding() == 0) {
                    emit("RecoveryClaim", claim.id, new RecoveryClaimClosedEvent(claim.id, household, municipality));
                }
            }
        });
    }

    private static BenefitMonth benefitMonth(Payment payment) {
        return new BenefitMonth(payment.benefitMonth);
    }

    private void emit(String aggregateType, UUID aggregateId, Object event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        events.add(new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), sequence, event));
    }
}
