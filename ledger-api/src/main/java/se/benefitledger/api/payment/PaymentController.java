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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.benefitledger.api.pii.Payee;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.web.IfMatch;
import se.benefitledger.core.payment.CancelPaymentCommand;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.core.payment.RecordErroneousPaymentCommand;
import se.benefitledger.core.payment.ReissuePaymentCommand;
import se.benefitledger.core.payment.ReturnPaymentCommand;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final CommandGateway commands;
    private final PaymentResponses payments;
    private final PiiVault vault;

    PaymentController(CommandGateway commands, PaymentResponses payments, PiiVault vault) {
        this.commands = commands;
        this.payments = payments;
        this.vault = vault;
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

    /** Pays a RETURNED or REJECTED payment again, as a new payment of the same decision: 201 with the new payment. */
    @PostMapping("/{paymentId}/reissue")
    @Transactional
    public ResponseEntity<PaymentResponse> reissue(@PathVariable UUID paymentId, @Valid @RequestBody ReissuePaymentRequest request,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        UUID newPaymentId = UUID.randomUUID();
        var payee = request.payee();
        UUID payeeId = payee == null ? null : vault.payeeIdFor(Payee.of(payee.name(), PayeeAccount.parse(payee.account())));
        commands.sendAndWait(new ReissuePaymentCommand(paymentId, newPaymentId, request.dueDate(), payee == null ? null : payee.type(), payeeId,
                IfMatch.expectedVersion(ifMatch)));
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/payments/{id}").buildAndExpand(newPaymentId).toUri();
        return payments.respond(newPaymentId, ResponseEntity.created(location));
    }
}
