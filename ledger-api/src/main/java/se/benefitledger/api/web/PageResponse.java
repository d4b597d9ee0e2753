package se.benefitledger.api.web;

import java.util.List;

/** A page of a list: the items, where the page starts, and how many items match in all. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
