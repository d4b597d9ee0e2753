package se.benefitledger.api.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifies the event store's hash chain: {@code firstBrokenAt} is the global index of the first event changed, removed or slipped in. */
@RestController
@RequestMapping("/api/v1/admin/integrity")
class IntegrityController {

    private final EventChain chain;

    IntegrityController(EventChain chain) {
        this.chain = chain;
    }

    @GetMapping
    EventChain.Verification verify() {
        return chain.verify();
    }
}
