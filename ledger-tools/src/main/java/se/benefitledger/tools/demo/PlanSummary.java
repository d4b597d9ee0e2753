package se.benefitledger.tools.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a plan (or some of its months) holds, counted by walking it: for progress, estimates and tests. */
public record PlanSummary(long households,
                          long decisions,
                          long rejectedDecisions,
                          long payments,
                          long cancelled,
                          long rejected,
                          long returned,
                          long batches,
                          long claims,
                          long findings,
                          long repayments,
                          long approvedOre) {

    public static PlanSummary of(SyntheticPlan plan) {
        return of(plan, plan.months());
    }

    public static PlanSummary of(SyntheticPlan plan, List<YearMonth> months) {
        long households = 0;
        long decisions = 0;
        long rejectedDecisions = 0;
        long payments = 0;
        long cancelled = 0;
        long rejected = 0;
        long returned = 0;
        long claims = 0;
        long findings = 0;
        long repayments = 0;
        long approved = 0;
        record PayoutDay(String municipality, LocalDate date) {
        }
        Set<PayoutDay> payoutDays = new HashSet<>();
        for (YearMonth month : months) {
            for (SyntheticPlan.Share share : plan.shares()) {
                MonthPlan monthPlan = plan.month(month, share);
                households += monthPlan.newHouseholds().size();
                for (PlannedDecision decision : monthPlan.decisions()) {
                    if (decision.payments().isEmpty()) {
                        rejectedDecisions++;
                        continue;
                    }
                    decisions++;
                    approved += decision.approved().ore();
                    for (PlannedPayment payment : decision.payments()) {
                        payments += payment.followUp() == null ? 1 : 2;
                        switch (payment.fate()) {
                            case CANCELLED -> cancelled++;
                            case REJECTED -> rejected++;
                            case RETURNED -> returned++;
                            case EXECUTED -> {
                            }
                        }
                        payoutDays.add(new PayoutDay(share.municipality().code(), payment.dueDate()));
                        if (payment.followUp() != null) {
                            payoutDays.add(new PayoutDay(share.municipality().code(), payment.followUp().dueDate()));
                        }
                    }
                }
                claims += monthPlan.claims().size();
                findings += monthPlan.claims().stream().mapToLong(claim -> claim.findings().size()).sum();
                repayments += monthPlan.repayments().size();
            }
        }
        return new PlanSummary(households, decisions, rejectedDecisions, payments, cancelled, rejected, returned, payoutDays.size(), claims,
                findings, repayments, approved);
    }

    /** REST requests to load it: one per household, decision, payment, cancellation, return, finding, claim and repayment, two per batch. */
    public long requests() {
        return households + decisions + rejectedDecisions + payments + cancelled + 2 * batches + returned + findings + claims + repayments;
    }

    /**
     * Events the ledger stores for it, about: four per payment (the decision's reservation, the
     * payment, batched, settled; or reservation, payment, cancelled, released), one more per bank
     * rejection (released), three per batch, two per erroneous finding (found, claimed), and so on.
     */
    public long events() {
        return households + decisions + rejectedDecisions + 4 * payments + rejected + returned + 3 * batches
                + 2 * findings + claims + repayments;
    }
}
