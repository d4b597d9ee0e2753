package se.benefitledger.projections.kpi;

import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.SignedMoney;

import java.math.BigDecimal;

/**
 * A municipality's yearly figures as it reports them to Kolada: households, adult and child
 * recipients with at least one assistance month in the calendar year, adults with long-term
 * assistance (10-12 months) and their share of adult recipients in percent (one decimal; null
 * without adult recipients), net paid by benefit month, and repayments received in the year.
 */
public record KpiReport(MunicipalityCode municipality, int year, long households, long adults, long children, long longTermAdults,
                        BigDecimal longTermAdultShare, SignedMoney netPaid, Money recoveredCash) {
}
