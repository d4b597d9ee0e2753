package se.benefitledger.tools.demo;

import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Valid personnummer and samordningsnummer for synthetic persons, unique by construction: a
 * person's index is mapped by a bijection (an affine permutation) onto the pairs (birth date,
 * birth number) of a range of birth dates, so two indices never give the same number and no set
 * of numbers already handed out has to be kept. Adults are born 1940–2006, children 2007–2020.
 * <p>
 * A plan's seed picks one of {@value #SEED_SLOTS} disjoint slices of the indices, so plans whose
 * seeds differ modulo {@value #SEED_SLOTS} never share a person; indices from {@link #FRESH_ADULTS}
 * on belong to no plan (for load tests that register households of their own).
 */
final class SyntheticPersons {

    static final int SEED_SLOTS = 8;
    /** Adults per slice: two per household of the largest plan. */
    static final int ADULTS_PER_SLOT = 300_000;
    /** Children per slice: four per household of the largest plan. */
    static final int CHILDREN_PER_SLOT = 600_000;
    static final long FRESH_ADULTS = (long) SEED_SLOTS * ADULTS_PER_SLOT;
    /** About 3 in 100 adults have a samordningsnummer (birth day + 60). */
    static final int COORDINATION_PERCENT = 3;

    private static final int BIRTH_NUMBERS = 999;
    private static final Range ADULTS = new Range(LocalDate.of(1940, 1, 1), LocalDate.of(2006, 12, 31));
    private static final Range CHILDREN = new Range(LocalDate.of(2007, 1, 1), LocalDate.of(2020, 12, 31));

    private SyntheticPersons() {
    }

    /** The adult with this index (applicant {@code 2h}, co-applicant {@code 2h + 1} of household h) in the seed's slice. */
    static PersonalIdentityNumber adult(long seed, int index) {
        return ADULTS.number(Math.floorMod(seed, SEED_SLOTS) * (long) ADULTS_PER_SLOT + check(index, ADULTS_PER_SLOT), true);
    }

    /** The child with this index (children {@code 4h} to {@code 4h + 3} of household h) in the seed's slice. */
    static PersonalIdentityNumber child(long seed, int index) {
        return CHILDREN.number(Math.floorMod(seed, SEED_SLOTS) * (long) CHILDREN_PER_SLOT + check(index, CHILDREN_PER_SLOT), false);
    }

    /** An adult of no plan: {@code n} from 0 up to some 20 million. */
    static PersonalIdentityNumber freshAdult(long n) {
        return ADULTS.number(FRESH_ADULTS + n, true);
    }

    private static int check(int index, int perSlot) {
        if (index < 0 || index >= perSlot) {
            throw new IllegalArgumentException("person index " + index + " is outside 0.." + (perSlot - 1));
        }
        return index;
    }

    /** The Luhn (modulus 10, weights 2-1-2…) check digit of nine digits. */
    static int luhn(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    private static final class Range {
        private final LocalDate first;
        private final long size;
        private final long multiplier;

        Range(LocalDate first, LocalDate last) {
            this.first = first;
            this.size = (ChronoUnit.DAYS.between(first, last) + 1) * BIRTH_NUMBERS;
            // any multiplier coprime with the size makes p -> (a p + b) mod size a bijection; a large one scatters neighbours
            long a = size * 618 / 1000;
            while (!BigInteger.valueOf(a).gcd(BigInteger.valueOf(size)).equals(BigInteger.ONE)) {
                a++;
            }
            this.multiplier = a;
        }

        PersonalIdentityNumber number(long index, boolean mayBeCoordination) {
            if (index >= size) {
                throw new IllegalArgumentException("only " + size + " numbers in this range of birth dates");
            }
            long position = (multiplier * index + 7_919) % size;
            LocalDate born = first.plusDays(position / BIRTH_NUMBERS);
            int birthNumber = (int) (position % BIRTH_NUMBERS) + 1;
            boolean coordination = mayBeCoordination && (index * 0x9E3779B97F4A7C15L >>> 40) % 100 < COORDINATION_PERCENT;
            int day = born.getDayOfMonth() + (coordination ? 60 : 0);
            String nine = String.format("%02d%02d%02d%03d", born.getYear() % 100, born.getMonthValue(), day, birthNumber);
            return PersonalIdentityNumber.parse(String.format("%02d", born.getYear() / 100) + nine + luhn(nine), LocalDate.of(2100, 1, 1));
        }
    }
}
