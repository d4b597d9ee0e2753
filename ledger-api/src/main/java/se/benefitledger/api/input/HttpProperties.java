package se.benefitledger.api.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code ledger.http.*}.
 *
 * @param maxBody the largest request body the service reads (default 32 MB); a larger one is
 *                answered 413. The largest legitimate body, a settlement of 200,000 results, is
 *                some 20 MB.
 */
@ConfigurationProperties("ledger.http")
public record HttpProperties(DataSize maxBody) {

    public HttpProperties {
        maxBody = maxBody == null ? DataSize.ofMegabytes(32) : maxBody;
    }
}
