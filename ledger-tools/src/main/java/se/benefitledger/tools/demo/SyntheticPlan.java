package se.benefitledger.tools.demo;

import se.benefitledger.api.pii.Payee;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.IncomeLine;
import se.benefitledger.core.decision.IncomeType;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.payment.CheckDigits;
import se.benefitledger.core.payment.ErroneousPaymentCause;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.recovery.RecoveryGround;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The synthetic history of a municipality (or of the whole country) over a range of months:
 * deterministic for a seed, computed on demand, never held whole in memory. Every household's
 * facts come from random streams seeded by (seed, household, month), so any month can be
 * computed on its own and two runs with the same seed produce the same ledger, ids included.
 * <p>
 * The shape follows domain.md §7 and §9.8: per calendar year ~40 % of households are long-term
 * (10–12 assistance months), the rest have one spell of 1–9 months, for a mean of ~6.8 months;
 * decisions carry the riksnorm of the household's composition, rent up to the municipal caps,
 * other costs and incomes; 1–3 payments per household-month (to the household, its landlord, a
 * supplier); some payments are cancelled and corrected, rejected by the bank and reissued, or
 * returned; ~1.5 % of households a year are paid in error and get a recovery claim, repaid in
 * instalments or at once, or not (yet) at all.
 */
public final class SyntheticPlan {

    public static final long DEFAULT_SEED = 1;

    static final double LONG_TERM_SHARE = 0.40;
    /** Weights of spells of 1..9 months for households that are not long-term (mean ≈ 3.9). */
    static final int[] SHORT_SPELL_WEIGHTS = {18, 17, 15, 13, 11, 9, 7, 6, 4};
    /** Weights of 10, 11, 12 months for long-term households (mean ≈ 11.2). */
    private static final int[] LONG_TERM_WEIGHTS = {25, 30, 45};
    static final double CLAIM_SHARE = 0.016;
    /** Weights of 1..12 months of payments found erroneous in a shape's claim: long undeclared incomes too (mean ≈ 4.6). */
    private static final int[] SHAPED_CLAIM_MONTHS = {16, 14, 12, 10, 9, 8, 7, 6, 5, 5, 4, 4};
    private static final double CANCELLED = 0.005;
    private static final double REJECTED = 0.010;
    private static final double RETURNED = 0.005;
    /** Of registered households, months without assistance in which an application is rejected. */
    private static final double REJECTED_APPLICATION = 0.03;

    private static final long HOUSEHOLD = 1;
    private static final long TYPE = 2;
    private static final long ACTIVITY = 3;
    private static final long MONTH = 4;
    private static final long CLAIM = 5;
    private static final long SHAPED_CLAIM = 6;
    private static final long DECISION_ID = 11;
    private static final long PAYMENT_ID = 12;
    private static final long CLAIM_ID = 13;
    private static final long BATCH_ID = 14;

    private static final String[] FIRST_NAMES = {"Anna", "Maria", "Eva", "Karin", "Sara", "Lena", "Fatima", "Amina", "Elin", "Sofia",
            "Lars", "Johan", "Erik", "Anders", "Mohammed", "Ali", "Karl", "Per", "Ahmed", "Mikael", "Nils", "Hanna", "Ida", "Omar"};
    private static final String[] SURNAMES = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
            "Persson", "Svensson", "Gustafsson", "Hassan", "Ali", "Mohamed", "Lindberg", "Berg", "Jonsson", "Lindqvist", "Ahmadi"};
    private static final Map<String, Integer> NATIONAL_LARGEST = largestMunicipalities();

    private final long seed;
    private final String size;
    private final YearMonth from;
    private final YearMonth to;
    private final List<Share> shares;
    /** A shaped plan's shape, spells and recovery claims by household (issue 19); null in the national shape. */
    private final Shape shape;
    private final ShapedSpells spells;
    private final Map<Integer, List<PlannedClaim>> shapedClaims;
    /** The households a partial load takes, or null for all. */
    private final BitSet only;

    /** The households of one municipality in the plan: indices {@code first} to {@code first + households - 1}. */
    public record Share(MunicipalityCode municipality, int first, int households) {
    }

    private SyntheticPlan(long seed, String size, List<Share> shares, YearMonth from, YearMonth to) {
        this(seed, size, shares, from, to, null, null, null, null);
    }

    private SyntheticPlan(long seed, String size, List<Share> shares, YearMonth from, YearMonth to, Shape shape, ShapedSpells spells,
                          Map<Integer, List<PlannedClaim>> shapedClaims, BitSet only) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the month range " + from + ".." + to + " is empty");
        }
        int households = shares.stream().mapToInt(Share::households).sum();
        if (households > SyntheticPersons.ADULTS_PER_SLOT / 2) {
            throw new IllegalArgumentException("at most " + SyntheticPersons.ADULTS_PER_SLOT / 2 + " households, not " + households);
        }
        this.seed = seed;
        this.size = size;
        this.shares = List.copyOf(shares);
        this.from = from;
        this.to = to;
        this.shape = shape;
        this.spells = spells;
        this.shapedClaims = shapedClaims;
        this.only = only;
    }

    /** S, M or L in the municipality a demo user of that size would use (0488 for S, 0180 otherwise), or the whole country. */
    public static SyntheticPlan of(long seed, Scale scale, YearMonth from, YearMonth to) {
        return scale == Scale.NATIONAL
                ? new SyntheticPlan(seed, scale.name(), nationalShares(scale.households()), from, to)
                : of(seed, scale, from, to, MunicipalityCode.of(scale == Scale.S ? "0488" : "0180"));
    }

    /** S, M or L in this municipality; NATIONAL always spreads over all 290. */
    public static SyntheticPlan of(long seed, Scale scale, YearMonth from, YearMonth to, MunicipalityCode municipality) {
        return scale == Scale.NATIONAL ? of(seed, scale, from, to)
                : new SyntheticPlan(seed, scale.name(), List.of(new Share(municipality, 0, scale.households())), from, to);
    }

    /** Any number of households in one municipality, e.g. a handful for a test. */
    public static SyntheticPlan ofHouseholds(long seed, int households, MunicipalityCode municipality, YearMonth from, YearMonth to) {
        return new SyntheticPlan(seed, households + " households", List.of(new Share(municipality, 0, households)), from, to);
    }

    /**
     * A municipality whose published figures the ledger's reports reproduce (issue 19): the shape's
     * targets drive the model's spells and recovery claims, everything else keeps the national shape.
     */
    public static SyntheticPlan shaped(long seed, Shape shape) {
        // the municipality's indices in the national plan: two shapes of one seed share no household or person
        int first = nationalShares(Scale.NATIONAL.households()).stream().filter(share -> share.municipality().equals(shape.municipality()))
                                                              .findFirst().orElseThrow().first();
        var shares = List.of(new Share(shape.municipality(), first, shape.households()));
        var plan = new SyntheticPlan(seed, shape.name(), shares, shape.from(), shape.to(), shape, null, null, null);
        if (shape.longTerm() != null || !shape.netPaid().isEmpty()) {
            plan = new SyntheticPlan(seed, shape.name(), shares, shape.from(), shape.to(), shape, ShapedSpells.calibrate(plan, shape), null, null);
        }
        if (!shape.claimedPrincipal().isEmpty()) {
            plan = new SyntheticPlan(seed, shape.name(), shares, shape.from(), shape.to(), shape, plan.spells, ShapedClaims.calibrate(plan, shape),
                    null);
        }
        return plan;
    }

    /**
     * The same plan for the households with a recovery claim only: every fact of theirs, nothing of the
     * others. Recovery reports come out the same as for the whole plan, at a fraction of its load.
     */
    public SyntheticPlan claimantsOnly() {
        var claimants = new BitSet();
        for (Share share : shares) {
            for (int h = share.first(); h < share.first() + share.households(); h++) {
                if (mayHaveClaims(h, to) && !claims(household(h, share), to).isEmpty()) {
                    claimants.set(h);
                }
            }
        }
        return new SyntheticPlan(seed, size + ", claimants only", shares, from, to, shape, spells, shapedClaims, claimants);
    }

    public long seed() {
        return seed;
    }

    /** The scale's name, or the number of households. */
    public String size() {
        return size;
    }

    public YearMonth from() {
        return from;
    }

    public YearMonth to() {
        return to;
    }

    public List<Share> shares() {
        return shares;
    }

    public int households() {
        return shares.stream().mapToInt(Share::households).sum();
    }

    public List<YearMonth> months() {
        var months = new ArrayList<YearMonth>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** The n-th adult of no plan, for load tests that register households of their own: never a member of a plan's household. */
    public static PersonalIdentityNumber adultOfNoPlan(long n) {
        return SyntheticPersons.freshAdult(n);
    }

    /** The id of the payout batch of a municipality and payout date, for loads that choose ids themselves. */
    public UUID batchId(MunicipalityCode municipality, LocalDate payoutDate) {
        return uuid(Integer.parseInt(municipality.code()), payoutDate.toEpochDay(), BATCH_ID);
    }

    /** For the printed summary: the plan's size, seed and months. */
    @Override
    public String toString() {
        return size + " (" + households() + " households in " + shares.size() + " municipalit" + (shares.size() == 1 ? "y" : "ies")
                + "), " + from + ".." + to + ", seed " + seed;
    }

    /** Everything that happens in the share's municipality in the month. */
    public MonthPlan month(YearMonth month, Share share) {
        if (month.isBefore(from) || month.isAfter(to)) {
            throw new IllegalArgumentException(month + " is outside the plan's " + from + ".." + to);
        }
        var newHouseholds = new ArrayList<PlannedHousehold>();
        var decisions = new ArrayList<PlannedDecision>();
        var claims = new ArrayList<PlannedClaim>();
        var repayments = new ArrayList<PlannedRepayment>();
        for (int h = share.first(); h < share.first() + share.households(); h++) {
            if (only != null && !only.get(h)) {
                continue;
            }
            YearMonth firstActive = firstActiveMonth(h);
            if (firstActive == null || month.isBefore(firstActive)) {
                continue;
            }
            boolean active = isActive(h, month);
            boolean rejected = !active && random(h, monthIndex(month), MONTH).nextDouble() < REJECTED_APPLICATION;
            if (!active && !rejected && !month.equals(firstActive) && !mayHaveClaims(h, month)) {
                continue;
            }
            PlannedHousehold household = household(h, share);
            if (month.equals(firstActive)) {
                newHouseholds.add(household);
            }
            if (active) {
                decisions.add(decision(household, month));
            } else if (rejected) {
                decisions.add(rejectedApplication(household, month));
            }
            for (PlannedClaim claim : claims(household, month)) {
                YearMonth decided = YearMonth.from(claim.decidedOn());
                if (decided.equals(month)) {
                    claims.add(claim);
                } else if (decided.isBefore(month)) {
                    repayments.addAll(repaymentsIn(claim, month));
                }
            }
        }
        return new MonthPlan(month, share.municipality(), newHouseholds, decisions, claims, repayments);
    }

    /** Whether the household may have a recovery claim decided by the month: cheap, before its claims are drawn. */
    private boolean mayHaveClaims(int h, YearMonth month) {
        if (shapedClaims != null && shapedClaims.containsKey(h)) {
            return true;
        }
        for (int year = from.getYear(); year <= month.getYear(); year++) {
            if (paidInError(h, year)) {
                return true;
            }
        }
        return false;
    }

    /** The household's recovery claims of the calendar years up to the month's: a shape's calibrated ones, the national share in the other years. */
    private List<PlannedClaim> claims(PlannedHousehold household, YearMonth month) {
        var claims = new ArrayList<>(shapedClaims == null ? List.<PlannedClaim>of() : shapedClaims.getOrDefault(household.index(), List.of()));
        for (int year = from.getYear(); year <= month.getYear(); year++) {
            PlannedClaim claim = claim(household, year);
            if (claim != null) {
                claims.add(claim);
            }
        }
        return claims;
    }

    /** The household with this index; its municipality is that of its share. */
    public PlannedHousehold household(int index) {
        return household(index, shareOf(index));
    }

    /** Assistance months of the household in the calendar year, as bits 0 (January) to 11 (December), before the plan's range is applied. */
    int activity(int h, int year) {
        SplittableRandom random = random(h, year, ACTIVITY);
        int mask = 0;
        if (isLongTerm(h)) {
            int months = 10 + pick(random, LONG_TERM_WEIGHTS);
            mask = 0xFFF;
            for (int gaps = 12 - months; gaps > 0; ) {
                int month = random.nextInt(12);
                if ((mask & 1 << month) != 0) {
                    mask &= ~(1 << month);
                    gaps--;
                }
            }
        } else {
            int months = 1 + pick(random, SHORT_SPELL_WEIGHTS);
            int start = random.nextInt(13 - months);
            for (int month = start; month < start + months; month++) {
                mask |= 1 << month;
            }
        }
        return mask;
    }

    boolean isLongTerm(int h) {
        return spells != null ? spells.isLongTerm(h) : random(h, 0, TYPE).nextDouble() < LONG_TERM_SHARE;
    }

    boolean isActive(int h, YearMonth month) {
        if (spells != null) {
            return spells.isActive(h, month);
        }
        return !month.isBefore(from) && !month.isAfter(to) && (activity(h, month.getYear()) & 1 << month.getMonthValue() - 1) != 0;
    }

    /** The household's first assistance month within the plan's range, when it has one: it registers then. */
    YearMonth firstActiveMonth(int h) {
        if (spells != null) {
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                if (spells.isActive(h, month)) {
                    return month;
                }
            }
            return null;
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            int mask = activity(h, year);
            for (int month = 1; month <= 12; month++) {
                YearMonth candidate = YearMonth.of(year, month);
                if ((mask & 1 << month - 1) != 0 && !candidate.isBefore(from) && !candidate.isAfter(to)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private PlannedHousehold household(int h, Share share) {
        MunicipalityCode municipality = share.municipality();
        SplittableRandom random = random(h, 0, HOUSEHOLD);
        // most assistance households are single adults without children (domain.md §2.1 household types)
        double kind = random.nextDouble();
        boolean couple = kind >= 0.80;
        int children;
        if (kind < 0.65 || (kind >= 0.80 && kind < 0.88)) {
            children = 0;
        } else if (kind < 0.80) {
            children = 1 + pick(random, new int[]{50, 35, 15});
        } else {
            children = 1 + pick(random, new int[]{35, 35, 20, 10});
        }
        var members = new ArrayList<PlannedHousehold.Member>();
        members.add(new PlannedHousehold.Member(SyntheticPersons.adult(seed, 2 * h), MemberRole.APPLICANT));
        if (couple) {
            members.add(new PlannedHousehold.Member(SyntheticPersons.adult(seed, 2 * h + 1), MemberRole.CO_APPLICANT));
        }
        for (int c = 0; c < children; c++) {
            members.add(new PlannedHousehold.Member(SyntheticPersons.child(seed, 4 * h + c), MemberRole.CHILD));
        }
        String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)];
        Payee payee = new Payee(name, account(random));
        int persons = members.size();
        // rent within a municipal cap for the household's size (domain.md §3.3: caps of about 4,000-9,300 kr)
        long rent = random.nextDouble() < 0.90
                ? kronor(persons == 1 ? 4_000 + random.nextInt(2_000) : persons == 2 ? 4_500 + random.nextInt(2_500) : 5_500 + random.nextInt(3_000))
                : 0;
        int landlords = Math.max(2, share.households() / 250);
        int landlord = random.nextInt(landlords);
        boolean toLandlord = rent > 0 && random.nextDouble() < 0.35;
        long electricity = random.nextDouble() < 0.55 ? kronor(300 + random.nextInt(400)) : 0;
        long insurance = random.nextDouble() < 0.45 ? kronor(100 + random.nextInt(150)) : 0;
        return new PlannedHousehold(h, uuid(h, 0, HOUSEHOLD), municipality, members, payee, rent,
                new Payee(municipality.name() + " Fastigheter " + (landlord + 1) + " AB", bankgiro(municipality, landlord)), toLandlord,
                electricity, insurance, isLongTerm(h));
    }

    PlannedDecision decision(PlannedHousehold household, YearMonth month) {
        int h = household.index();
        long monthIndex = monthIndex(month);
        SplittableRandom random = random(h, monthIndex, MONTH);
        random.nextDouble(); // the draw that decides a rejected application in months without assistance
        var lines = new ArrayList<DecisionLine>();
        long norm = norm(household, month).ore();
        lines.add(new DecisionLine(LineType.NORM, Money.ofOre(norm)));
        if (household.rentOre() > 0) {
            lines.add(new DecisionLine(LineType.RENT, Money.ofOre(household.rentOre())));
        }
        if (household.electricityOre() > 0) {
            lines.add(new DecisionLine(LineType.ELECTRICITY, Money.ofOre(household.electricityOre() + kronor(random.nextInt(100)))));
        }
        if (household.homeInsuranceOre() > 0) {
            lines.add(new DecisionLine(LineType.HOME_INSURANCE, Money.ofOre(household.homeInsuranceOre())));
        }
        if (random.nextDouble() < 0.10) {
            lines.add(new DecisionLine(LineType.TRAVEL, Money.ofKronor(300 + random.nextInt(600))));
        }
        double oneOff = random.nextDouble();
        DecisionLine extra = oneOff < 0.04 ? new DecisionLine(LineType.DENTAL, Money.ofKronor(1_500 + random.nextInt(6_500)))
                : oneOff < 0.07 ? new DecisionLine(LineType.MEDICAL, Money.ofKronor(200 + random.nextInt(1_300)))
                : oneOff < 0.12 ? new DecisionLine(LineType.OTHER, Money.ofKronor(500 + random.nextInt(2_500)))
                : null;
        if (extra != null) {
            lines.add(extra);
        }
        var incomes = incomes(household, random, norm + household.rentOre());
        long costs = lines.stream().mapToLong(line -> line.amount().ore()).sum();
        long approved = costs - incomes.stream().mapToLong(income -> income.amount().ore()).sum();
        UUID decisionId = uuid(h, monthIndex, DECISION_ID);

        long landlordOre = household.rentToLandlord() ? Math.min(household.rentOre(), approved) : 0;
        long extraOre = extra == null ? 0 : Math.min(extra.amount().ore(), approved - landlordOre);
        long ownOre = approved - landlordOre - extraOre;
        var payments = new ArrayList<PlannedPayment>();
        BenefitMonth benefitMonth = new BenefitMonth(month);
        if (ownOre > 0) {
            payments.add(payment(random, household, decisionId, benefitMonth, 0, ownOre, PayoutCalendar.household(month), PayeeType.HOUSEHOLD,
                    household.payee()));
        }
        if (landlordOre > 0) {
            payments.add(payment(random, household, decisionId, benefitMonth, 1, landlordOre, PayoutCalendar.landlord(month), PayeeType.LANDLORD,
                    household.landlord()));
        }
        if (extraOre > 0) {
            boolean dentist = extra.type() == LineType.DENTAL;
            payments.add(payment(random, household, decisionId, benefitMonth, 2, extraOre, PayoutCalendar.extra(month),
                    dentist ? PayeeType.SUPPLIER : PayeeType.HOUSEHOLD,
                    dentist ? new Payee("Folktandvården " + household.municipality().name(), bankgiro(household.municipality(), 999))
                            : household.payee()));
        }
        return new PlannedDecision(decisionId, household, benefitMonth,
                random.nextDouble() < 0.07 ? DecisionOutcome.PARTIALLY_GRANTED : DecisionOutcome.GRANTED, legalBasis(month), lines, incomes,
                Money.ofOre(approved), payments);
    }

    /** Incomes reduce the approved amount, never below half of norm and rent. Child allowance always counts. */
    private static List<IncomeLine> incomes(PlannedHousehold household, SplittableRandom random, long normAndRent) {
        var incomes = new ArrayList<IncomeLine>();
        int children = household.members().size() - household.adults();
        if (children > 0) {
            // barnbidrag 1,250 kr a child, with the large-family supplement
            incomes.add(new IncomeLine(IncomeType.BENEFITS, Money.ofKronor(1_250L * children + new int[]{0, 0, 150, 730, 1_740}[children])));
        }
        double kind = random.nextDouble();
        if (kind < 0.18) {
            incomes.add(new IncomeLine(IncomeType.WAGES, Money.ofKronor(1_000 + random.nextInt(7_000))));
        } else if (kind < 0.38) {
            incomes.add(new IncomeLine(IncomeType.BENEFITS, Money.ofKronor(500 + random.nextInt(3_500))));
        } else if (kind < 0.40) {
            incomes.add(new IncomeLine(IncomeType.STUDENT_AID, Money.ofKronor(1_000 + random.nextInt(2_000))));
        }
        boolean singleParent = household.adults() == 1 && children > 0;
        if (singleParent && random.nextDouble() < 0.40) {
            incomes.add(new IncomeLine(IncomeType.MAINTENANCE, Money.ofKronor(1_000 + random.nextInt(1_500))));
        }
        long room = normAndRent / 2;
        var capped = new ArrayList<IncomeLine>();
        for (IncomeLine income : incomes) {
            long amount = Math.min(income.amount().ore(), room);
            if (amount > 0) {
                capped.add(new IncomeLine(income.type(), Money.ofOre(amount)));
                room -= amount;
            }
        }
        return capped;
    }

    private PlannedDecision rejectedApplication(PlannedHousehold household, YearMonth month) {
        var lines = new ArrayList<DecisionLine>();
        lines.add(new DecisionLine(LineType.NORM, norm(household, month)));
        if (household.rentOre() > 0) {
            lines.add(new DecisionLine(LineType.RENT, Money.ofOre(household.rentOre())));
        }
        return new PlannedDecision(uuid(household.index(), monthIndex(month), DECISION_ID), household, new BenefitMonth(month),
                DecisionOutcome.REJECTED, legalBasis(month), lines, List.of(), Money.ZERO, List.of());
    }

    private PlannedPayment payment(SplittableRandom random, PlannedHousehold household, UUID decisionId, BenefitMonth month, int slot,
                                   long amount, LocalDate due, PayeeType payeeType, Payee payee) {
        long monthIndex = monthIndex(month.value());
        double fate = random.nextDouble();
        int h = household.index();
        if (fate < CANCELLED) {
            // a caseworker's mistake caught before the payout: cancelled and scheduled again, corrected
            long corrected = Math.max(100, amount - amount * random.nextInt(11) / 100);
            var correction = new PlannedPayment(uuid(h, monthIndex, PAYMENT_ID + 10 * (slot + 11)), decisionId, household.householdId(),
                    household.municipality(), month, Money.ofOre(Math.min(amount, corrected)), due, payeeType, payee, PlannedPayment.Fate.EXECUTED,
                    null, null);
            return new PlannedPayment(uuid(h, monthIndex, PAYMENT_ID + 10 * slot), decisionId, household.householdId(),
                    household.municipality(), month, Money.ofOre(amount), due, payeeType, payee, PlannedPayment.Fate.CANCELLED, null, correction);
        }
        if (fate < CANCELLED + REJECTED) {
            // the bank could not pay (a closed account): reissued for the next payout date, to the household's new account
            Payee corrected = payeeType == PayeeType.HOUSEHOLD ? new Payee(payee.name(), account(random)) : payee;
            var reissue = new PlannedPayment(uuid(h, monthIndex, PAYMENT_ID + 10 * (slot + 21)), decisionId, household.householdId(),
                    household.municipality(), month, Money.ofOre(amount), PayoutCalendar.next(due), payeeType, corrected,
                    PlannedPayment.Fate.EXECUTED, null, null);
            return new PlannedPayment(uuid(h, monthIndex, PAYMENT_ID + 10 * slot), decisionId, household.householdId(),
                    household.municipality(), month, Money.ofOre(amount), due, payeeType, payee, PlannedPayment.Fate.REJECTED, null, reissue);
        }
        boolean returned = fate < CANCELLED + REJECTED + RETURNED;
        return new PlannedPayment(uuid(h, monthIndex, PAYMENT_ID + 10 * slot), decisionId, household.householdId(), household.municipality(),
                month, Money.ofOre(amount), due, payeeType, payee, returned ? PlannedPayment.Fate.RETURNED : PlannedPayment.Fate.EXECUTED,
                returned ? due.plusDays(2 + random.nextInt(19)) : null, null);
    }

    /**
     * The recovery claim of a household paid in error in the calendar year, if any: the household's
     * own payments of up to three consecutive months of the year, found erroneous and claimed two
     * months after the last of them (within the plan's range).
     */
    PlannedClaim claim(PlannedHousehold household, int year) {
        int h = household.index();
        if (!paidInError(h, year)) {
            return null;
        }
        SplittableRandom random = random(h, year, CLAIM);
        random.nextDouble(); // the draw of paidInError
        var eligible = new ArrayList<YearMonth>();
        for (int month = 1; month <= 12; month++) {
            YearMonth candidate = YearMonth.of(year, month);
            if (isActive(h, candidate) && !candidate.plusMonths(2).isAfter(to)) {
                eligible.add(candidate);
            }
        }
        if (eligible.isEmpty()) {
            return null;
        }
        YearMonth last = eligible.get(random.nextInt(eligible.size()));
        int months = 1 + random.nextInt(3);
        ErroneousPaymentCause cause = pickCause(random);
        YearMonth start = last.minusMonths(months - 1);
        // within the year, so that claims of two years never find the same payment erroneous
        return claim(household, start.getYear() < year ? YearMonth.of(year, 1) : start, last, cause, random, Set.of());
    }

    /**
     * A candidate recovery claim of a shape decided in the year (issue 19): the {@code k}-th draw of a
     * household, the month the claim is decided in, and 1-12 months of the household's own payments up
     * to two months before, found erroneous (claims up to about SEK 160,000, domain.md §9.8). Null when
     * it was paid nothing in those months but payments in {@code found} (already claimed).
     */
    PlannedClaim shapedClaim(Share share, int year, int k, Set<UUID> found) {
        SplittableRandom random = random(k, year, SHAPED_CLAIM);
        PlannedHousehold household = household(share.first() + random.nextInt(share.households()), share);
        YearMonth last = YearMonth.of(year, 1 + random.nextInt(12)).minusMonths(2);
        int months = 1 + pick(random, SHAPED_CLAIM_MONTHS);
        YearMonth start = last.minusMonths(months - 1);
        return claim(household, start.isBefore(from) ? from : start, last, pickCause(random), random, found);
    }

    /** A claim on the household's own executed payments of the months from start to last (one a month), decided two months after. */
    private PlannedClaim claim(PlannedHousehold household, YearMonth start, YearMonth last, ErroneousPaymentCause cause, SplittableRandom random,
                               Set<UUID> found) {
        int h = household.index();
        var findings = new ArrayList<PlannedClaim.Finding>();
        for (YearMonth month = start; !month.isAfter(last); month = month.plusMonths(1)) {
            if (!isActive(h, month)) {
                continue;
            }
            for (PlannedPayment payment : decision(household, month).payments()) {
                if (payment.payeeType() == PayeeType.HOUSEHOLD && payment.fate() == PlannedPayment.Fate.EXECUTED
                        && !found.contains(payment.paymentId())) {
                    long share = 30 + random.nextInt(71);
                    long amount = Math.max(100_00, payment.amount().ore() * share / 100 / 100 * 100);
                    findings.add(new PlannedClaim.Finding(payment, Money.ofOre(Math.min(amount, payment.amount().ore())), cause));
                    break;
                }
            }
        }
        if (findings.isEmpty()) {
            return null;
        }
        YearMonth decided = last.plusMonths(2);
        RecoveryGround ground = cause == ErroneousPaymentCause.INCORRECT_INFORMATION || cause == ErroneousPaymentCause.SUSPECTED_FRAUD
                ? RecoveryGround.INCORRECT_INFORMATION : RecoveryGround.OTHER;
        return new PlannedClaim(uuid(h, monthIndex(decided), CLAIM_ID), household.householdId(), household.municipality(), findings, ground,
                decided.atDay(5 + random.nextInt(20)));
    }

    /** Paid in error in the year, by the national share; a shape with claim targets has none of its own up to its last target year. */
    private boolean paidInError(int h, int year) {
        if (shape != null && !shape.claimedPrincipal().isEmpty() && year <= shape.claimedPrincipal().lastKey()) {
            return false;
        }
        return random(h, year, CLAIM).nextDouble() < CLAIM_SHARE;
    }

    private static ErroneousPaymentCause pickCause(SplittableRandom random) {
        return switch (pick(random, new int[]{70, 15, 10, 5})) {
            case 0 -> ErroneousPaymentCause.INCORRECT_INFORMATION;
            case 1 -> ErroneousPaymentCause.ADMINISTRATIVE_ERROR;
            case 2 -> ErroneousPaymentCause.SUSPECTED_FRAUD;
            default -> ErroneousPaymentCause.DUPLICATE_PAYMENT;
        };
    }

    /**
     * Repayments of the claim received in the month: 45 % of debtors pay monthly instalments over
     * six months to three years, 10 % pay it all the month after the decision, the rest nothing.
     */
    List<PlannedRepayment> repaymentsIn(PlannedClaim claim, YearMonth month) {
        SplittableRandom random = new SplittableRandom(mix(seed, claim.claimId().getMostSignificantBits(), CLAIM));
        double kind = random.nextDouble();
        long principal = claim.principal().ore();
        YearMonth first = YearMonth.from(claim.decidedOn()).plusMonths(1);
        if (month.isBefore(first)) {
            return List.of();
        }
        if (kind < 0.10) {
            return month.equals(first) ? List.of(new PlannedRepayment(claim.claimId(), claim.principal(), first.atDay(27))) : List.of();
        }
        if (kind >= 0.55) {
            return List.of();
        }
        long instalment = Math.max(300_00, Math.min(2_000_00, principal / (6 + random.nextInt(31)) / 100 * 100));
        long paidBefore = instalment * (month.getYear() * 12L + month.getMonthValue() - (first.getYear() * 12L + first.getMonthValue()));
        long amount = Math.min(instalment, principal - paidBefore);
        return amount > 0 ? List.of(new PlannedRepayment(claim.claimId(), Money.ofOre(amount), month.atDay(27))) : List.of();
    }

    private Money norm(PlannedHousehold household, YearMonth month) {
        var children = household.members().stream().filter(member -> member.role() == MemberRole.CHILD)
                                .map(member -> member.number().birthDate()).toList();
        return Riksnorm.of(month, household.adults(), children);
    }

    private static LegalBasis legalBasis(YearMonth month) {
        return month.isBefore(YearMonth.of(2025, 7)) ? LegalBasis.SOL_2001_4_1 : LegalBasis.SOL_2025_12_1;
    }

    private Share shareOf(int h) {
        for (Share share : shares) {
            if (h >= share.first() && h < share.first() + share.households()) {
                return share;
            }
        }
        throw new IllegalArgumentException("household " + h + " is not in the plan");
    }

    private static long kronor(long kronor) {
        return kronor * 100;
    }

    /** A Swedbank account, clearing number 8xxx-x, valid under its check digits; drawn with the same three draws as ever. */
    private static String account(SplittableRandom random) {
        String clearing = Integer.toString(8_000 + random.nextInt(6_000) % 100 * 10 + random.nextInt(10));
        String number = String.format("%09d", random.nextInt(1_000_000_000));
        return PayeeAccount.parse(clearing + "-" + CheckDigits.luhn(clearing) + " " + number + CheckDigits.luhn(number)).canonical();
    }

    /** The municipality's code and {@code n} as a bankgiro number with its check digit. */
    private static String bankgiro(MunicipalityCode municipality, int n) {
        String number = String.format("%s%03d", municipality.code(), n % 1_000);
        return PayeeAccount.parse("BG " + number + CheckDigits.luhn(number)).canonical();
    }

    static int pick(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    private static long monthIndex(YearMonth month) {
        return month.getYear() * 12L + month.getMonthValue();
    }

    SplittableRandom random(long h, long when, long stream) {
        return new SplittableRandom(mix(seed, h, when * 31 + stream));
    }

    private UUID uuid(long a, long b, long kind) {
        long high = mix(seed, a, kind);
        long low = mix(~seed, b, kind * 7 + a);
        // version 4 and the IETF variant, so that the ids look like any other random UUID
        return new UUID(high & ~0xF000L | 0x4000L, low & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
    }

    /** SplitMix64's finaliser over the three inputs: well spread, and the same on every JVM. */
    static long mix(long a, long b, long c) {
        long z = a * 0x9E3779B97F4A7C15L + b * 0xBF58476D1CE4E5B9L + c * 0x94D049BB133111EBL + 0x632BE59BD9B4E019L;
        z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
        z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
        return z ^ z >>> 31;
    }

    /**
     * The whole country: the largest cities with their approximate share, every other municipality
     * a size drawn from its code, the total {@code households}.
     */
    private static List<Share> nationalShares(int households) {
        var codes = new ArrayList<>(MunicipalityCode.all().keySet());
        int named = NATIONAL_LARGEST.values().stream().mapToInt(Integer::intValue).sum();
        var weights = new LinkedHashMap<String, Double>();
        double total = 0;
        for (String code : codes) {
            if (!NATIONAL_LARGEST.containsKey(code)) {
                double u = (mix(Long.parseLong(code), 0, 0) >>> 11) / (double) (1L << 53);
                double weight = 0.25 + 1.5 * u;
                weights.put(code, weight);
                total += weight;
            }
        }
        var shares = new ArrayList<Share>();
        int first = 0;
        int rest = households - named;
        int remaining = rest;
        int others = weights.size();
        for (String code : codes) {
            int size;
            if (NATIONAL_LARGEST.containsKey(code)) {
                size = NATIONAL_LARGEST.get(code);
            } else {
                size = --others == 0 ? remaining : (int) Math.round(rest * weights.get(code) / total);
                remaining -= size;
            }
            shares.add(new Share(MunicipalityCode.of(code), first, size));
            first += size;
        }
        return List.copyOf(shares);
    }

    /** Assistance households a year in the largest cities, rounded (domain.md §7: Stockholm ~14,600 in 2017, falling since). */
    private static Map<String, Integer> largestMunicipalities() {
        var largest = new LinkedHashMap<String, Integer>();
        largest.put("0180", 15_000);
        largest.put("1480", 9_500);
        largest.put("1280", 9_000);
        largest.put("0380", 3_500);
        largest.put("1980", 3_500);
        largest.put("1880", 3_000);
        largest.put("0581", 3_000);
        largest.put("0580", 2_500);
        largest.put("1283", 2_500);
        largest.put("0680", 2_000);
        largest.put("2480", 1_800);
        largest.put("1281", 1_500);
        largest.put("0486", 800);
        return Map.copyOf(largest);
    }
}
