package se.benefitledger.projections.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value of the right shape that the ledger refuses; the message says why and never repeats the value. */
public class RejectedValueException extends JsonMappingException {

    public RejectedValueException(JsonParser parser, String reason) {
        super(parser, reason);
    }
}
