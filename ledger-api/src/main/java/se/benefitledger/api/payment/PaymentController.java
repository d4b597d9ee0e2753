package se.benefitledger.api.payment;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.benefitledger.api.web.IfMatch;
import se.benefitledger.core.payment.CancelPaymentCommand;
import se.benefitledger.core.payment.RecordErroneousPaymentCommand;
import se.benefitledger.core.payment.ReturnPaymentCommand;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final CommandGateway commands;
    private final PaymentResponses payments;

    PaymentController(CommandGateway commands, PaymentResponses payments) {
        this.commands = commands;
        this.payments = payments;
    }

    @GetMapping("/{paymentId}")
    ResponseEntity<PaymentResponse> get(@PathVariable UUID paymentId) {
        return payments.respond(paymentId, ResponseEntity.ok());
    }

    @PostMapping("/{paymentId}/cancellation")
    @Transactional
    public ResponseEntity<PaymentResponse> cancel(@PathVariable UUID paymentId, @Valid @RequestBody CancelPaymentRequest request,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new CancelPaymentCommand(paymentId, request.reason(), IfMatch.expectedVersion(ifMatch)));
        return payments.respond(paymentId, ResponseEntity.ok());
    }

    /** Records that part or all of an executed payment was paid in error; what was paid does not change. */
    @PostMapping("/{paymentId}/erroneous")
    @Transactional
    public ResponseEntity<PaymentResponse> erroneous(@PathVariable UUID paymentId, @Valid @RequestBody ErroneousPaymentRequest request,
                                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new RecordErroneousPaymentCommand(paymentId, request.amount(), request.cause(), request.note(),
                IfMatch.expectedVersion(ifMatch)));
        return payments.respond(paymentId, ResponseEntity.ok());
    }

    @PostMapping("/{paymentId}/return")
    @Transactional
    public ResponseEntity<PaymentResponse> returned(@PathVariable UUID paymentId, @Valid @RequestBody ReturnPaymentRequest request,
                                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new ReturnPaymentCommand(paymentId, request.returnedOn(), request.reason(), IfMatch.expectedVersion(ifMatch)));
        return payments.respond(paymentId, ResponseEntity.ok());
    }
}
