package se.benefitledger.api.report;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import se.benefitledger.core.decision.DecisionAmountReservedEvent;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionMadeEvent;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.household.ClosureReason;
import se.benefitledger.core.household.HouseholdClosedEvent;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberDepartedEvent;
import se.benefitledger.core.household.MemberJoinedEvent;
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
import se.benefitledger.core.recovery.RefundPaidEvent;
import se.benefitledger.core.recovery.RepaymentReceivedEvent;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * erroneous findings, recovery claims with repayments, waivers and write-offs. Households change:
 * children are born, partners move in and out, young adults leave to form a household of their own
 * in the same municipality, and households move to another municipality (closed as MOVED and
 * registered there with the same persons); some children turn 18 inside the history. Recovery
 * claims take repayments (some above what is owed), waivers, write-offs and refunds over two years.
 */
final class RandomHistory {

    enum Fate { SCHEDULED, CANCELLED, BATCHED, EXECUTED, REJECTED, RETURNED }

    /** A stay of a person in a household: from {@code from} (null: a founder) to the month before {@code departure} (null: still there). */
    static final class Stay {
        final UUID personId;
        final MemberRole role;
        final LocalDate birthDate;
        final YearMonth from;
        YearMonth departure;

        Stay(UUID personId, MemberRole role, LocalDate birthDate, YearMonth from) {
            this.personId = personId;
            this.role = role;
            this.birthDate = birthDate;
            this.from = from;
        }

        boolean includes(YearMonth month) {
            return (from == null || !month.isBefore(from)) && (departure == null || month.isBefore(departure));
        }

        HouseholdMember member() {
            return new HouseholdMember(personId, role, birthDate);
        }
    }

    static final class Household {
        final UUID id;
        final MunicipalityCode municipality;
        final List<Stay> stays = new ArrayList<>();

        Household(MunicipalityCode municipality) {
            this(UUID.randomUUID(), municipality);
        }

        Household(UUID id, MunicipalityCode municipality) {
            this.id = id;
            this.municipality = municipality;
        }
    }

    static final class Payment {
        final UUID id;
        final UUID decisionId;
        final UUID householdId;
        final MunicipalityCode municipality;
        final LegalBasis legalBasis;
        final YearMonth benefitMonth;
        final long amount;
        final LocalDate dueDate;
        Fate fate = Fate.SCHEDULED;
        UUID batchId;
        LocalDate executedOn;
        LocalDate returnedOn;
        long erroneous;

        Payment(UUID decisionId, UUID householdId, MunicipalityCode municipality, LegalBasis legalBasis, YearMonth benefitMonth, long amount,
                LocalDate dueDate) {
            this(UUID.randomUUID(), decisionId, householdId, municipality, legalBasis, benefitMonth, amount, dueDate);
        }

        Payment(UUID id, UUID decisionId, UUID householdId, MunicipalityCode municipality, LegalBasis legalBasis, YearMonth benefitMonth,
                long amount, LocalDate dueDate) {
            this.id = id;
            this.decisionId = decisionId;
            this.householdId = householdId;
            this.municipality = municipality;
            this.legalBasis = legalBasis;
            this.benefitMonth = benefitMonth;
            this.amount = amount;
            this.dueDate = dueDate;
        }

        boolean executed() {
            return fate == Fate.EXECUTED || fate == Fate.RETURNED;
        }
    }

    record Batch(UUID id, MunicipalityCode municipality, LocalDate payoutDate, List<Payment> payments, boolean settled) {
    }

    record Repayment(LocalDate receivedOn, long amount) {
    }

    /** Money moving on a claim on one day: {@code reinstated} = written-off money repaid, {@code overpaid} = due back to the debtor. */
    record Movement(LocalDate on, long principal, long repaid, long waived, long writtenOff, long reinstated, long overpaid, long refunded) {
    }

    static final class Claim {
        final UUID id;
        final UUID householdId;
        final MunicipalityCode municipality;
        final long principal;
        final LocalDate decidedOn;
        final List<Repayment> repayments = new ArrayList<>();
        final List<Movement> movements = new ArrayList<>();
        long repaid;
        long waived;
        long writtenOff;
        long refundDue;

        Claim(UUID householdId, MunicipalityCode municipality, long principal, LocalDate decidedOn) {
            this(UUID.randomUUID(), householdId, municipality, principal, decidedOn);
        }

        Claim(UUID id, UUID householdId, MunicipalityCode municipality, long principal, LocalDate decidedOn) {
            this.id = id;
            this.householdId = householdId;
            this.municipality = municipality;
            this.principal = principal;
            this.decidedOn = decidedOn;
            movements.add(new Movement(decidedOn, principal, 0, 0, 0, 0, 0, 0));
        }

        long outstanding() {
            return principal - repaid - waived - writtenOff;
        }
    }

    final long seed;
    final MunicipalityCode municipality;
    /** Where moving households go. */
    final MunicipalityCode elsewhere;
    final YearMonth first;
    final YearMonth last;
    final List<Household> households = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Batch> batches = new ArrayList<>();
    final List<Claim> claims = new ArrayList<>();
    final List<DomainEventMessage<?>> events = new ArrayList<>();
    private final Random random;
    private final Map<UUID, Long> sequences = new HashMap<>();

    RandomHistory(long seed, MunicipalityCode municipality, int householdCount, YearMonth first, YearMonth last) {
        this(seed, municipality, municipality, householdCount, first, last);
    }

    RandomHistory(long seed, MunicipalityCode municipality, MunicipalityCode elsewhere, int householdCount, YearMonth first, YearMonth last) {
        this.seed = seed;
        this.municipality = municipality;
        this.elsewhere = elsewhere;
        this.first = first;
        this.last = last;
        this.random = new Random(seed);
        householdsAndPayments(householdCount);
        batchesAndSettlements();
        returns();
        findingsAndClaims();
    }

    /** The facts of a history the ledger recorded (such as the HTTP fuzzer's), without generating one. */
    private RandomHistory(MunicipalityCode municipality, MunicipalityCode elsewhere) {
        this.seed = 0;
        this.municipality = municipality;
        this.elsewhere = elsewhere;
        this.first = null;
        this.last = null;
        this.random = null;
    }

    /**
     * The facts of the two municipalities, read back from the events the ledger stored (in their
     * order), so that the naive computation can judge a history it did not generate: households
     * and their members' stays, payments and their fates, batches, claims and their movements.
     */
    static RandomHistory recorded(MunicipalityCode municipality, MunicipalityCode elsewhere, Iterable<?> events) {
        var history = new RandomHistory(municipality, elsewhere);
        var households = new HashMap<UUID, Household>();
        var payments = new HashMap<UUID, Payment>();
        var claims = new HashMap<UUID, Claim>();
        var batches = new LinkedHashMap<UUID, PayoutBatchCreatedEvent>();
        var settled = new HashSet<UUID>();
        for (Object event : events) {
            if (event instanceof HouseholdRegisteredEvent registered && history.covers(registered.municipality())) {
                var household = new Household(registered.householdId(), registered.municipality());
                registered.members().forEach(member -> household.stays.add(new Stay(member.personId(), member.role(), member.birthDate(), null)));
                households.put(household.id, household);
                history.households.add(household);
            } else if (event instanceof MemberJoinedEvent joined && history.covers(joined.municipality())) {
                var member = joined.member();
                households.get(joined.householdId()).stays.add(new Stay(member.personId(), member.role(), member.birthDate(), joined.fromMonth().value()));
            } else if (event instanceof MemberDepartedEvent departed && history.covers(departed.municipality())) {
                households.get(departed.householdId()).stays.stream()
                          .filter(stay -> stay.personId.equals(departed.personId()) && stay.departure == null)
                          .forEach(stay -> stay.departure = departed.month().value());
            } else if (event instanceof PaymentScheduledEvent scheduled && history.covers(scheduled.municipality())) {
                var payment = new Payment(scheduled.paymentId(), scheduled.decisionId(), scheduled.householdId(), scheduled.municipality(),
                        scheduled.legalBasis(), scheduled.benefitMonth().value(), scheduled.amount().ore(), scheduled.dueDate());
                payments.put(payment.id, payment);
                history.payments.add(payment);
            } else if (event instanceof PaymentCancelledEvent cancelled && history.covers(cancelled.municipality())) {
                payments.get(cancelled.paymentId()).fate = Fate.CANCELLED;
            } else if (event instanceof PaymentBatchedEvent batched && history.covers(batched.municipality())) {
                var payment = payments.get(batched.paymentId());
                payment.fate = Fate.BATCHED;
                payment.batchId = batched.batchId();
            } else if (event instanceof PaymentExecutedEvent executed && history.covers(executed.municipality())) {
                var payment = payments.get(executed.paymentId());
                payment.fate = Fate.EXECUTED;
                payment.executedOn = executed.executedOn();
            } else if (event instanceof PaymentRejectedEvent rejected && history.covers(rejected.municipality())) {
                payments.get(rejected.paymentId()).fate = Fate.REJECTED;
            } else if (event instanceof PaymentReturnedEvent returned && history.covers(returned.municipality())) {
                var payment = payments.get(returned.paymentId());
                payment.fate = Fate.RETURNED;
                payment.returnedOn = returned.returnedOn();
            } else if (event instanceof PayoutBatchCreatedEvent created && history.covers(created.municipality())) {
                batches.put(created.batchId(), created);
            } else if (event instanceof PayoutBatchSettledEvent batchSettled && history.covers(batchSettled.municipality())) {
                settled.add(batchSettled.batchId());
            } else if (event instanceof RecoveryClaimDecidedEvent decided && history.covers(decided.municipality())) {
                var claim = new Claim(decided.claimId(), decided.householdId(), decided.municipality(), decided.principal().ore(), decided.decidedOn());
                claims.put(claim.id, claim);
                history.claims.add(claim);
            } else if (event instanceof RepaymentReceivedEvent repayment && history.covers(repayment.municipality())) {
                var claim = claims.get(repayment.claimId());
                long amount = repayment.amount().ore();
                long excess = repayment.excess().ore();
                claim.repayments.add(new Repayment(repayment.receivedOn(), amount));
                claim.movements.add(new Movement(repayment.receivedOn(), 0, amount - excess, 0, 0, repayment.fromWrittenOff().ore(), excess, 0));
            } else if (event instanceof ClaimWaivedEvent waived && history.covers(waived.municipality())) {
                claims.get(waived.claimId()).movements.add(new Movement(waived.decidedOn(), 0, 0, waived.amount().ore(), 0, 0, 0, 0));
            } else if (event instanceof ClaimWrittenOffEvent writtenOff && history.covers(writtenOff.municipality())) {
                claims.get(writtenOff.claimId()).movements.add(new Movement(writtenOff.decidedOn(), 0, 0, 0, writtenOff.amount().ore(), 0, 0, 0));
            } else if (event instanceof RefundPaidEvent refund && history.covers(refund.municipality())) {
                claims.get(refund.claimId()).movements.add(new Movement(refund.paidOn(), 0, 0, 0, 0, 0, 0, refund.amount().ore()));
            }
        }
        batches.values().forEach(created -> history.batches.add(new Batch(created.batchId(), created.municipality(), created.payoutDate(),
                created.payments().stream().map(batched -> payments.get(batched.paymentId())).toList(), settled.contains(created.batchId()))));
        return history;
    }

    private boolean covers(MunicipalityCode code) {
        return code.equals(municipality) || code.equals(elsewhere);
    }

    private void householdsAndPayments(int householdCount) {
        for (int h = 0; h < householdCount; h++) {
            var household = new Household(municipality);
            household.stays.add(new Stay(UUID.randomUUID(), MemberRole.APPLICANT, birthDate(1950, 1995), null));
            if (random.nextBoolean()) {
                household.stays.add(new Stay(UUID.randomUUID(), MemberRole.CO_APPLICANT, birthDate(1950, 1995), null));
            }
            for (int c = random.nextInt(4); c > 0; c--) {
                // born 2001-2004 often enough that some turn 18 inside the history
                household.stays.add(new Stay(UUID.randomUUID(), MemberRole.CHILD, random.nextBoolean() ? birthDate(2001, 2004) : birthDate(2005, 2019), null));
            }
            register(household);
            live(household, first);
        }
    }

    private void register(Household household) {
        households.add(household);
        emit("Household", household.id, new HouseholdRegisteredEvent(household.id, household.municipality,
                household.stays.stream().map(Stay::member).toList()));
    }

    /** The household's months from {@code start}: assistance, and now and then a change of members or a move. */
    private void live(Household household, YearMonth start) {
        double activity = random.nextDouble();
        for (YearMonth month = start; !month.isAfter(last); month = month.plusMonths(1)) {
            if (month.isAfter(start)) {
                changeMembers(household, month);
                if (random.nextInt(60) == 0) {
                    move(household, month);
                    return;
                }
            }
            if (random.nextDouble() <= activity) {
                decide(household, month);
            }
        }
    }

    private void changeMembers(Household household, YearMonth month) {
        var current = household.stays.stream().filter(stay -> stay.departure == null).toList();
        int change = random.nextInt(40);
        if (change == 0) {
            join(household, new Stay(UUID.randomUUID(), MemberRole.CHILD, month.atDay(1 + random.nextInt(28)), month));
        } else if (change == 1 && current.stream().noneMatch(stay -> stay.role == MemberRole.CO_APPLICANT)) {
            join(household, new Stay(UUID.randomUUID(), MemberRole.CO_APPLICANT, birthDate(1950, 1995), month));
        } else if (change <= 3) {
            var leaving = current.stream().filter(stay -> stay.role != MemberRole.APPLICANT && (stay.from == null || stay.from.isBefore(month))).toList();
            if (leaving.isEmpty()) {
                return;
            }
            var stay = leaving.get(random.nextInt(leaving.size()));
            stay.departure = month;
            emit("Household", household.id, new MemberDepartedEvent(household.id, household.municipality, stay.personId, new BenefitMonth(month)));
            boolean adult = !stay.birthDate.plusYears(18).isAfter(month.atDay(1));
            if (stay.role == MemberRole.CHILD && adult && random.nextBoolean()) {
                // a young adult forms a household of their own in the same municipality
                var own = new Household(household.municipality);
                own.stays.add(new Stay(stay.personId, MemberRole.APPLICANT, stay.birthDate, null));
                register(own);
                live(own, month);
            }
        }
    }

    private void join(Household household, Stay stay) {
        household.stays.add(stay);
        emit("Household", household.id, new MemberJoinedEvent(household.id, household.municipality, stay.member(), new BenefitMonth(stay.from)));
    }

    /** Closed as MOVED from {@code month}; the same persons (same person ids) registered in the other municipality from then on. */
    private void move(Household household, YearMonth month) {
        emit("Household", household.id, new HouseholdClosedEvent(household.id, household.municipality, ClosureReason.MOVED, new BenefitMonth(month)));
        var moved = new Household(elsewhere);
        household.stays.stream().filter(stay -> stay.departure == null)
                       .forEach(stay -> moved.stays.add(new Stay(stay.personId, stay.role, stay.birthDate, null)));
        register(moved);
        live(moved, month);
    }

    private void decide(Household household, YearMonth month) {
        UUID decision = UUID.randomUUID();
        long approved = 5_000_00 + random.nextInt(8_000_00);
        var basis = LegalBasis.values()[random.nextInt(LegalBasis.values().length)];
        emit("Decision", decision, new DecisionMadeEvent(decision, household.id, household.municipality, new BenefitMonth(month),
                DecisionOutcome.GRANTED, basis, List.of(new DecisionLine(LineType.NORM, Money.ofOre(approved))), List.of(), Money.ofOre(approved),
                month.atDay(1).minusDays(10)));
        int count = 1 + random.nextInt(3);
        for (int p = 0; p < count; p++) {
            long amount = 1 + random.nextInt((int) (approved / count));
            // due from a week before the month to its end: payment dates fall around month boundaries
            LocalDate due = month.atDay(1).minusDays(7).plusDays(random.nextInt(35));
            var payment = new Payment(decision, household.id, household.municipality, basis, month, amount, due);
            payments.add(payment);
            emit("Decision", decision, new DecisionAmountReservedEvent(decision, payment.id, Money.ofOre(amount)));
            emit("Payment", payment.id, new PaymentScheduledEvent(payment.id, decision, household.id, household.municipality, benefitMonth(payment),
                    basis, Money.ofOre(amount), due, PayeeType.HOUSEHOLD, UUID.randomUUID(), null));
            if (random.nextInt(10) == 0) {
                payment.fate = Fate.CANCELLED;
                emit("Payment", payment.id, new PaymentCancelledEvent(payment.id, decision, household.id, household.municipality, benefitMonth(payment),
                        Money.ofOre(amount), due, "cancelled"));
            }
        }
    }

    private LocalDate birthDate(int fromYear, int toYear) {
        return LocalDate.of(fromYear + random.nextInt(toYear - fromYear + 1), 1, 1).plusDays(random.nextInt(365));
    }

    /** One batch per municipality and due date, except a few payments left unbatched; most batches settled, some in two calls, some not yet. */
    private void batchesAndSettlements() {
        var byDueDate = new TreeMap<String, List<Payment>>();
        payments.stream().filter(payment -> payment.fate == Fate.SCHEDULED && random.nextInt(20) != 0)
                .forEach(payment -> byDueDate.computeIfAbsent(payment.municipality.code() + " " + payment.dueDate, key -> new ArrayList<>()).add(payment));
        byDueDate.forEach((key, included) -> {
            LocalDate payoutDate = included.get(0).dueDate;
            MunicipalityCode municipality = included.get(0).municipality;
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
            settle(batch, municipality, included.subList(0, firstCall), payoutDate);
            settle(batch, municipality, included.subList(firstCall, settledUpTo), payoutDate.plusDays(1));
            if (settledUpTo == included.size()) {
                emit("PayoutBatch", batch, new PayoutBatchSettledEvent(batch, municipality, payoutDate.plusDays(1)));
            }
            batches.add(new Batch(batch, municipality, payoutDate, included, settledUpTo == included.size()));
        });
    }

    private void settle(UUID batch, MunicipalityCode municipality, List<Payment> settled, LocalDate settledOn) {
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
                emit("Payment", payment.id, new PaymentReturnedEvent(payment.id, payment.batchId, payment.householdId, payment.municipality,
                        benefitMonth(payment), Money.ofOre(payment.amount), payment.executedOn, payment.returnedOn, "returned"));
            }
        }
    }

    private void findingsAndClaims() {
        var byHousehold = new LinkedHashMap<UUID, List<Payment>>();
        for (var payment : payments) {
            if (payment.fate == Fate.EXECUTED && random.nextInt(12) == 0) {
                payment.erroneous = 1 + random.nextInt((int) payment.amount);
                emit("Payment", payment.id, new PaymentFoundErroneousEvent(payment.id, payment.householdId, payment.municipality, benefitMonth(payment),
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
            MunicipalityCode municipality = erroneous.get(0).municipality;
            var claim = new Claim(household, municipality, principal, earliest.plusMonths(2));
            claims.add(claim);
            for (var payment : erroneous) {
                emit("Payment", payment.id, new ErroneousAmountClaimedEvent(payment.id, claim.id, Money.ofOre(payment.erroneous)));
            }
            emit("RecoveryClaim", claim.id, new RecoveryClaimDecidedEvent(claim.id, household, municipality,
                    erroneous.stream().map(payment -> new ClaimedPayment(payment.id, Money.ofOre(payment.erroneous), benefitMonth(payment),
                            payment.executedOn, LawRegime.SOL_2001, payment.executedOn.plusYears(3))).toList(), Money.ofOre(principal), RecoveryGround.INCORRECT_INFORMATION, claim.decidedOn,
                    LawRegime.SOL_2001, earliest.plusYears(3)));
            movements(claim);
        });
    }

    /** Repayments (some above what is owed, some on written-off claims), waivers, write-offs and refunds over two years. */
    private void movements(Claim claim) {
        UUID household = claim.householdId;
        MunicipalityCode municipality = claim.municipality;
        int count = random.nextInt(7);
        LocalDate on = claim.decidedOn;
        for (int m = 0; m < count; m++) {
            on = on.plusDays(1 + random.nextInt(120));
            int kind = random.nextInt(4);
            if (claim.outstanding() == 0 && kind != 3) {
                kind = 0;
            }
            switch (kind) {
                case 0 -> {
                    long owed = claim.outstanding() + claim.writtenOff;
                    long amount = random.nextInt(4) == 0 ? owed + 1 + random.nextInt(50_000) : 1 + random.nextInt((int) Math.max(1, owed));
                    long fromWrittenOff = Math.min(amount, claim.writtenOff);
                    long reducing = Math.min(amount - fromWrittenOff, claim.outstanding());
                    long excess = amount - fromWrittenOff - reducing;
                    claim.writtenOff -= fromWrittenOff;
                    claim.repaid += fromWrittenOff + reducing;
                    claim.refundDue += excess;
                    claim.movements.add(new Movement(on, 0, fromWrittenOff + reducing, 0, 0, fromWrittenOff, excess, 0));
                    claim.repayments.add(new Repayment(on, amount));
                    emit("RecoveryClaim", claim.id, new RepaymentReceivedEvent(claim.id, household, municipality, Money.ofOre(amount), on,
                            Money.ofOre(claim.outstanding()), Money.ofOre(fromWrittenOff), Money.ofOre(excess)));
                    closeIfPaidOff(claim, reducing);
                }
                case 1 -> {
                    long amount = 1 + random.nextInt((int) claim.outstanding());
                    claim.waived += amount;
                    claim.movements.add(new Movement(on, 0, 0, amount, 0, 0, 0, 0));
                    emit("RecoveryClaim", claim.id, new ClaimWaivedEvent(claim.id, household, municipality, Money.ofOre(amount), "hardship",
                            Money.ofOre(claim.outstanding()), on));
                    closeIfPaidOff(claim, amount);
                }
                case 2 -> {
                    long amount = random.nextBoolean() ? claim.outstanding() : 1 + random.nextInt((int) claim.outstanding());
                    claim.writtenOff += amount;
                    claim.movements.add(new Movement(on, 0, 0, 0, amount, 0, 0, 0));
                    emit("RecoveryClaim", claim.id, new ClaimWrittenOffEvent(claim.id, household, municipality, Money.ofOre(amount),
                            "uncollectable", Money.ofOre(claim.outstanding()), on));
                    closeIfPaidOff(claim, amount);
                }
                default -> {
                    if (claim.refundDue > 0) {
                        long amount = 1 + random.nextInt((int) claim.refundDue);
                        claim.refundDue -= amount;
                        claim.movements.add(new Movement(on, 0, 0, 0, 0, 0, 0, amount));
                        emit("RecoveryClaim", claim.id, new RefundPaidEvent(claim.id, household, municipality, Money.ofOre(amount), on,
                                Money.ofOre(claim.refundDue)));
                    }
                }
            }
        }
    }

    private void closeIfPaidOff(Claim claim, long reduced) {
        if (reduced > 0 && claim.outstanding() == 0) {
            emit("RecoveryClaim", claim.id, new RecoveryClaimClosedEvent(claim.id, claim.householdId, claim.municipality));
        }
    }

    private static BenefitMonth benefitMonth(Payment payment) {
        return new BenefitMonth(payment.benefitMonth);
    }

    private void emit(String aggregateType, UUID aggregateId, Object event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        events.add(new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), sequence, event));
    }
}
