package se.benefitledger.api.payment;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.benefitledger.api.pii.Payee;
import se.benefitledger.api.pii.PiiAccessLog;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.projections.payment.PaymentQueries;
import se.benefitledger.projections.payment.PaymentView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payments as the API shows them: the read model with the payee's name and account from the vault, each payee shown in the access log. */
@Component
public class PaymentResponses {

    private final PaymentQueries payments;
    private final PiiVault vault;
    private final PiiAccessLog accessLog;

    PaymentResponses(PaymentQueries payments, PiiVault vault, PiiAccessLog accessLog) {
        this.payments = payments;
        this.vault = vault;
        this.accessLog = accessLog;
    }

    public ResponseEntity<PaymentResponse> respond(UUID paymentId, ResponseEntity.BodyBuilder response) {
        var payment = payments.find(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
        return response.eTag(Long.toString(payment.version())).body(render(List.of(payment)).get(0));
    }

    public List<PaymentResponse> render(List<PaymentView> views) {
        Map<UUID, Payee> payees = vault.payees(views.stream().map(PaymentView::payeeId).toList());
        accessLog.shown(PiiAccessLog.SubjectKind.PAYEE, payees.keySet(), PiiAccessLog.Purpose.PAYEE_SHOWN);
        return views.stream().map(view -> {
            var payee = payees.get(view.payeeId());
            return new PaymentResponse(view.paymentId(), view.decisionId(), view.householdId(), view.municipality(), view.benefitMonth(),
                    view.amount(), view.dueDate(),
                    new PaymentResponse.Payee(view.payeeType(), payee == null ? null : payee.name(), payee == null ? null : payee.account()),
                    view.status(), view.batchId(), view.executedOn(), view.returnedOn(), view.erroneousAmount(), view.reissueOf(), view.version());
        }).toList();
    }
}
