package se.benefitledger.api.pii;

/**
 * The access log could not be written, so the personal data the request was about to show is not shown: the caller
 * may retry later (503). Nothing the request did is kept: a POST's transaction rolls back with it.
 */
public class AccessLogUnavailable extends RuntimeException {

    AccessLogUnavailable(Throwable cause) {
        super("the access log cannot be written: personal data is not shown", cause);
    }
}
