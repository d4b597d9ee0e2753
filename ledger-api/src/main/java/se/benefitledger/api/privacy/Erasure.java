package se.benefitledger.api.privacy;

import java.util.UUID;

/**
 * The answer to an erasure: the person (by id only) and how many payees (the household's own accounts) were erased
 * with them. {@code alreadyErased}: the person's data had been erased before, and nothing changed now.
 */
public record Erasure(UUID personId, String status, int erasedPayees, boolean alreadyErased) {
}
