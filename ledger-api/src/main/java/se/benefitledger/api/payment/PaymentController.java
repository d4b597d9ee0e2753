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
import org.springframework.web.bind.annotation.RequestParam;
import se.benefitledger.api.pii.PiiAccessLog;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.security.AccessControl;
import se.benefitledger.api.web.PageRequest;
import se.benefitledger.api.web.PageResponse;
import se.benefitledger.core.payment.PaymentStatus;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.payment.PaymentQueries;
import se.benefitledger.projections.payment.PaymentView;
import se.benefitledger.api.web.IfMatch;
import se.benefitledger.core.payment.CancelPaymentCommand;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.core.payment.RecordErroneousPaymentCommand;
import se.benefitledger.core.payment.ReissuePaymentCommand;
import se.benefitledger.core.payment.ReturnPaymentCommand;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final CommandGateway commands;
    private final PaymentResponses payments;
    private final PiiVault vault;
    private final PaymentQueries paymentQueries;
    private final AccessControl access;
    private final PiiAccessLog accessLog;

    PaymentController(CommandGateway commands, PaymentResponses payments, PiiVault vault, PaymentQueries paymentQueries, AccessControl access,
                      PiiAccessLog accessLog) {
        this.commands = commands;
        this.payments = payments;
        this.vault = vault;
        this.paymentQueries = paymentQueries;
        this.access = access;
        this.accessLog = accessLog;
    }

    /**
     * The payments of a municipality to one account, whoever the payee was named (an investigator's question: many
     * households paid to one account). Exact match on the account's canonical form, through the vault's blind index;
     * every payee found is written to the access log.
     */
    @GetMapping
    PageResponse<PaymentResponse> byAccount(@RequestParam String municipality, @RequestParam String payeeAccount,
                                            @RequestParam(required = false) PaymentStatus status,
                                            @RequestParam(required = false) LocalDate fromDueDate,
                                            @RequestParam(required = false) LocalDate toDueDate,
                                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var request = new PageRequest(page, size);
        MunicipalityCode code;
        try {
            code = MunicipalityCode.of(municipality);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("municipality", "must be a Swedish municipality code, e.g. 0488");
        }
        access.requireMayActIn(code);
        PayeeAccount account;
        try {
            account = PayeeAccount.parse(payeeAccount);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("payeeAccount", e.getMessage());
        }
        List<UUID> payees = vault.payeesWithAccount(account);
        if (payees.isEmpty()) {
            return new PageResponse<>(List.of(), request.page(), request.size(), 0);
        }
        var found = paymentQueries.toPayees(code, payees, status, fromDueDate, toDueDate, request.offset(), request.size());
        // the payees this answer shows, each once, logged as found by this search before they are rendered
        accessLog.shown(PiiAccessLog.SubjectKind.PAYEE, found.items().stream().map(PaymentView::payeeId).distinct().toList(),
                PiiAccessLog.Purpose.PAYMENTS_SEARCHED_BY_ACCOUNT);
        return new PageResponse<>(payments.render(found.items()), request.page(), request.size(), found.total());
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
