package se.benefitledger.api.decision;

import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.benefitledger.api.payment.PaymentResponse;
import se.benefitledger.api.payment.PaymentResponses;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.web.IfMatch;
import se.benefitledger.projections.decision.DecisionQueries;
import se.benefitledger.projections.decision.DecisionView;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/decisions")
class DecisionController {

    private final DecisionService service;
    private final DecisionQueries decisions;
    private final PaymentResponses payments;

    DecisionController(DecisionService service, DecisionQueries decisions, PaymentResponses payments) {
        this.service = service;
        this.decisions = decisions;
        this.payments = payments;
    }

    @PostMapping
    ResponseEntity<DecisionView> make(@Valid @RequestBody MakeDecisionRequest request) {
        var decision = service.make(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(decision.decisionId()).toUri();
        return ResponseEntity.created(location).eTag(Long.toString(decision.version())).body(decision);
    }

    @GetMapping("/{decisionId}")
    ResponseEntity<DecisionView> get(@PathVariable UUID decisionId) {
        var decision = decisions.find(decisionId).orElseThrow(() -> new NotFoundException("decision", decisionId));
        return ResponseEntity.ok().eTag(Long.toString(decision.version())).body(decision);
    }

    @PostMapping("/{decisionId}/revocation")
    ResponseEntity<DecisionView> revoke(@PathVariable UUID decisionId, @Valid @RequestBody RevokeDecisionRequest request,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var decision = service.revoke(decisionId, request, IfMatch.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(Long.toString(decision.version())).body(decision);
    }

    @PostMapping("/{decisionId}/payments")
    ResponseEntity<PaymentResponse> schedulePayment(@PathVariable UUID decisionId, @Valid @RequestBody SchedulePaymentRequest request,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        UUID paymentId = service.schedulePayment(decisionId, request, IfMatch.expectedVersion(ifMatch));
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/payments/{id}").buildAndExpand(paymentId).toUri();
        return payments.respond(paymentId, ResponseEntity.created(location));
    }
}
