package se.benefitledger.api.web;

import se.benefitledger.api.problem.InvalidRequestException;

/** {@code ?page=0&size=50}, as the contract bounds them: page ≥ 0, 1 ≤ size ≤ 500. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
