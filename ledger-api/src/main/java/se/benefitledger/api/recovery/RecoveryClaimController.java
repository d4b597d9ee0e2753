package se.benefitledger.api.recovery;

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
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.security.AccessControl;
import se.benefitledger.api.web.IfMatch;
import se.benefitledger.core.recovery.CreateRecoveryClaimCommand;
import se.benefitledger.core.recovery.PayRefundCommand;
import se.benefitledger.core.recovery.RecordRepaymentCommand;
import se.benefitledger.core.recovery.WaiveClaimCommand;
import se.benefitledger.core.recovery.WriteOffClaimCommand;
import se.benefitledger.projections.household.HouseholdQueries;
import se.benefitledger.projections.payment.PaymentQueries;
import se.benefitledger.projections.recovery.RecoveryClaimQueries;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/recovery-claims")
class RecoveryClaimController {

    private final CommandGateway commands;
    private final RecoveryClaimQueries claims;
    private final HouseholdQueries households;
    private final PaymentQueries payments;
    private final AccessControl access;
    private final Clock clock;

    RecoveryClaimController(CommandGateway commands, RecoveryClaimQueries claims, HouseholdQueries households, PaymentQueries payments,
                            AccessControl access, Clock clock) {
        this.commands = commands;
        this.clock = clock;
        this.claims = claims;
        this.households = households;
        this.payments = payments;
        this.access = access;
    }

    /**
     * The linked payments' rows are locked first (in id order): a claim racing for the same
     * erroneous amount waits, then finds it claimed.
     */
    @PostMapping
    @Transactional
    public ResponseEntity<RecoveryClaimResponse> create(@Valid @RequestBody CreateRecoveryClaimRequest request) {
        access.requireVisible(households.lockMunicipalityOf(request.householdId()), "household", request.householdId());
        payments.lockAll(request.paymentIds());
        UUID claimId = UUID.randomUUID();
        commands.sendAndWait(new CreateRecoveryClaimCommand(claimId, request.householdId(), request.paymentIds(), request.principal(),
                request.ground(), request.decidedOn()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(claimId).toUri();
        return respond(claimId, ResponseEntity.created(location));
    }

    @GetMapping("/{claimId}")
    ResponseEntity<RecoveryClaimResponse> get(@PathVariable UUID claimId) {
        return respond(claimId, ResponseEntity.ok());
    }

    @PostMapping("/{claimId}/repayments")
    @Transactional
    public ResponseEntity<RecoveryClaimResponse> repay(@PathVariable UUID claimId, @Valid @RequestBody RepaymentRequest request,
                                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new RecordRepaymentCommand(claimId, request.amount(), request.receivedOn(), IfMatch.expectedVersion(ifMatch)));
        return respond(claimId, ResponseEntity.ok());
    }

    @PostMapping("/{claimId}/waivers")
    @Transactional
    public ResponseEntity<RecoveryClaimResponse> waive(@PathVariable UUID claimId, @Valid @RequestBody ReductionRequest request,
                                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new WaiveClaimCommand(claimId, request.amount(), request.reason(), decidedOn(request),
                IfMatch.expectedVersion(ifMatch)));
        return respond(claimId, ResponseEntity.ok());
    }

    @PostMapping("/{claimId}/write-offs")
    @Transactional
    public ResponseEntity<RecoveryClaimResponse> writeOff(@PathVariable UUID claimId, @Valid @RequestBody ReductionRequest request,
                                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new WriteOffClaimCommand(claimId, request.amount(), request.reason(), decidedOn(request),
                IfMatch.expectedVersion(ifMatch)));
        return respond(claimId, ResponseEntity.ok());
    }

    /** Pays back part or all of what the debtor paid above the claim. */
    @PostMapping("/{claimId}/refunds")
    @Transactional
    public ResponseEntity<RecoveryClaimResponse> refund(@PathVariable UUID claimId, @Valid @RequestBody RefundRequest request,
                                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.sendAndWait(new PayRefundCommand(claimId, request.amount(), request.paidOn(), IfMatch.expectedVersion(ifMatch)));
        return respond(claimId, ResponseEntity.ok());
    }

    private LocalDate decidedOn(ReductionRequest request) {
        return request.decidedOn() == null ? LocalDate.now(clock) : request.decidedOn();
    }

    private ResponseEntity<RecoveryClaimResponse> respond(UUID claimId, ResponseEntity.BodyBuilder response) {
        var claim = claims.find(claimId).orElseThrow(() -> new NotFoundException("recovery claim", claimId));
        return response.eTag(Long.toString(claim.version())).body(RecoveryClaimResponse.of(claim));
    }
}
