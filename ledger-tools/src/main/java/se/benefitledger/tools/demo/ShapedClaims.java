package se.benefitledger.tools.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The recovery claims of a shape's target years (issue 19): per year, candidate claims are drawn
 * from the seeded model ({@link SyntheticPlan#shapedClaim}) and decided one by one until their
 * principal reaches the year's figure; a candidate that would take the year more than
 * {@value #TOLERANCE} above it is passed over, as is a second claim of a household decided in the
 * same month. A payment is found erroneous once.
 */
final class ShapedClaims {

    /** How close to the year's figure the principal comes, as a share of it; the published figures are asked within 1 %. */
    static final double TOLERANCE = 0.005;
    private static final int MAX_DRAWS = 100_000;

    private ShapedClaims() {
    }

    /** The claims of each household, by index. */
    static Map<Integer, List<PlannedClaim>> calibrate(SyntheticPlan plan, Shape shape) {
        SyntheticPlan.Share share = plan.shares().get(0);
        Map<Integer, List<PlannedClaim>> claims = new HashMap<>();
        Set<UUID> found = new HashSet<>();
        Set<UUID> claimIds = new HashSet<>();
        Map<UUID, Integer> indices = new HashMap<>();
        for (var target : shape.claimedPrincipal().entrySet()) {
            int year = target.getKey();
            long goal = target.getValue().ore();
            long principal = 0;
            for (int k = 0; principal < goal * (1 - TOLERANCE); k++) {
                if (k == MAX_DRAWS) {
                    throw new IllegalStateException("no claims of " + year + " came to " + goal / 100 + " kr in " + MAX_DRAWS + " draws");
                }
                PlannedClaim claim = plan.shapedClaim(share, year, k, found);
                if (claim == null || claimIds.contains(claim.claimId())
                        || principal + claim.principal().ore() > goal * (1 + TOLERANCE)) {
                    continue;
                }
                int h = householdIndex(plan, share, claim, indices);
                claims.computeIfAbsent(h, any -> new ArrayList<>()).add(claim);
                claimIds.add(claim.claimId());
                claim.findings().forEach(finding -> found.add(finding.payment().paymentId()));
                principal += claim.principal().ore();
            }
        }
        claims.values().forEach(list -> list.sort(Comparator.comparing(PlannedClaim::decidedOn)));
        return Map.copyOf(claims);
    }

    private static int householdIndex(SyntheticPlan plan, SyntheticPlan.Share share, PlannedClaim claim, Map<UUID, Integer> indices) {
        if (indices.isEmpty()) {
            for (int h = share.first(); h < share.first() + share.households(); h++) {
                indices.put(plan.household(h).householdId(), h);
            }
        }
        return indices.get(claim.householdId());
    }
}
