package se.benefitledger.api.console;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.benefitledger.api.input.InputBounds;
import se.benefitledger.api.payment.PaymentResponse;
import se.benefitledger.api.payment.PaymentResponses;
import se.benefitledger.api.payout.BankReportService;
import se.benefitledger.api.payout.PayoutBatchService;
import se.benefitledger.api.payout.PayoutFileService;
import se.benefitledger.api.payout.SettlementRequest;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.report.ReportService;
import se.benefitledger.api.security.CurrentUser;
import se.benefitledger.api.web.PageRequest;
import se.benefitledger.core.payment.PaymentStatus;
import se.benefitledger.core.payout.SettlementOutcome;
import se.benefitledger.projections.payment.PaymentQueries;
import se.benefitledger.projections.payout.PayoutBatchQueries;
import se.benefitledger.projections.reconciliation.ReconciliationReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payout batches for finance staff: the batches of a period with their counts and totals (the reconciliation report),
 * one batch with its payments, discrepancies and settlement, its bank file, and the two ways to settle it: by hand,
 * payment by payment, or with the bank's own report. Each uses the service its API endpoint uses.
 */
@Hidden
@Controller
@RequestMapping("/console/payout-batches")
class PayoutBatchPages {

    static final int BATCHES_PER_PAGE = 100;
    static final int PAYMENTS_PER_PAGE = 100;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    /** A settlement form names each payment's outcome as {@code outcome-<paymentId>} and its reason as {@code reason-<paymentId>}. */
    private static final String OUTCOME = "outcome-";
    private static final String REASON = "reason-";

    private final ReportService reports;
    private final PayoutBatchQueries batches;
    private final PaymentQueries payments;
    private final PaymentResponses paymentResponses;
    private final PayoutBatchService service;
    private final PayoutFileService files;
    private final BankReportService bankReports;
    private final ConsoleInput input;
    private final Clock clock;

    PayoutBatchPages(ReportService reports, PayoutBatchQueries batches, PaymentQueries payments, PaymentResponses paymentResponses,
                     PayoutBatchService service, PayoutFileService files, BankReportService bankReports, ConsoleInput input, Clock clock) {
        this.reports = reports;
        this.batches = batches;
        this.payments = payments;
        this.paymentResponses = paymentResponses;
        this.service = service;
        this.files = files;
        this.bankReports = bankReports;
        this.input = input;
        this.clock = clock;
    }

    /** Without a municipality, only the form; the period defaults to the last three months and the next one. */
    @GetMapping
    String list(@RequestParam(required = false) String municipality, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(SWEDEN));
        model.addAttribute("municipalities", ConsoleModel.municipalities(CurrentUser.require()));
        model.addAttribute("municipality", municipality);
        model.addAttribute("from", from == null ? today.minusMonths(3).toString() : from);
        model.addAttribute("to", to == null ? today.plusMonths(1).toString() : to);
        if (municipality != null) {
            LocalDate first = ConsoleInput.parse("from", (String) model.getAttribute("from"), InputBounds::date);
            LocalDate last = ConsoleInput.parse("to", (String) model.getAttribute("to"), InputBounds::date);
            if (last.isBefore(first)) {
                throw new InvalidRequestException("to", "must not be before from");
            }
            var request = new PageRequest(page, BATCHES_PER_PAGE);
            model.addAttribute("report", reports.reconciliation(ConsoleInput.municipality(municipality), first, last, request.page(), request.size()));
        }
        return "console/batches";
    }

    @GetMapping("/{batchId}")
    String batch(@PathVariable UUID batchId, @RequestParam(defaultValue = "0") int page, Model model) {
        var batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("payout batch", batchId));
        var request = new PageRequest(page, PAYMENTS_PER_PAGE);
        List<PaymentResponse> shown = paymentResponses.render(payments.inBatch(batchId, request.offset(), request.size()));
        long total = payments.countInBatch(batchId);
        var reconciliation = reports.reconciliation(batch.municipality(), batch.payoutDate(), batch.payoutDate(), 0, PageRequest.MAX_SIZE)
                                    .items().stream().filter(item -> item.batchId().equals(batchId)).findFirst();
        model.addAttribute("batch", batch);
        model.addAttribute("payments", shown);
        model.addAttribute("unsettled", shown.stream().anyMatch(payment -> payment.status() == PaymentStatus.BATCHED));
        model.addAttribute("discrepancies", reconciliation.map(ReconciliationReport.Batch::discrepancies).orElse(List.of()));
        model.addAttribute("page", request.page());
        model.addAttribute("pages", Math.max(1, (total + request.size() - 1) / request.size()));
        model.addAttribute("today", LocalDate.now(clock.withZone(SWEDEN)).toString());
        return "console/batch";
    }

    /** The pain.001 file, streamed as the API streams it (and logged in the access log the same way). */
    @GetMapping(path = "/{batchId}/file", produces = MediaType.APPLICATION_XML_VALUE)
    void file(@PathVariable UUID batchId, HttpServletResponse response) throws IOException {
        files.write(batchId, () -> {
            response.setContentType(MediaType.APPLICATION_XML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename("pain001-" + batchId + ".xml").build().toString());
            return response.getOutputStream();
        });
    }

    /**
     * Settles the payments the form gives an outcome (those left blank wait for a later settlement); the batch's
     * version from the page guards against settling what someone else changed meanwhile (412, as If-Match).
     */
    @PostMapping("/{batchId}/settlement")
    String settle(@PathVariable UUID batchId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        LocalDate settledOn = ConsoleInput.parse("settledOn", form.get("settledOn"), InputBounds::date);
        long version = ConsoleInput.parse("version", form.get("version"), Long::parseLong);
        var results = new ArrayList<SettlementRequest.Result>();
        for (var field : form.entrySet()) {
            if (field.getKey().startsWith(OUTCOME) && !field.getValue().isBlank()) {
                UUID paymentId = ConsoleInput.parse(field.getKey(), field.getKey().substring(OUTCOME.length()), UUID::fromString);
                var outcome = ConsoleInput.parse(field.getKey(), field.getValue(), SettlementOutcome::valueOf);
                String reason = form.get(REASON + paymentId);
                results.add(new SettlementRequest.Result(paymentId, outcome,
                        reason == null || reason.isBlank() ? null : ConsoleInput.parse(REASON + paymentId, reason, InputBounds::text)));
            }
        }
        if (results.isEmpty()) {
            throw new InvalidRequestException("results", "choose an outcome for at least one payment");
        }
        var batch = service.settle(batchId, input.valid(new SettlementRequest(settledOn, results)), version);
        redirect.addFlashAttribute("notice", "Avräkningen är registrerad: " + results.size() + " betalningar. "
                + batch.unsettledCount() + " väntar fortfarande på bankens svar.");
        return "redirect:/console/payout-batches/" + batchId;
    }

    @PostMapping("/{batchId}/bank-reports")
    String bankReport(@PathVariable UUID batchId, @RequestParam("report") MultipartFile report, RedirectAttributes redirect) throws IOException {
        if (report.isEmpty()) {
            throw new InvalidRequestException("report", "choose the bank's pain.002 or camt.054 file");
        }
        var result = bankReports.apply(batchId, new String(report.getBytes(), StandardCharsets.UTF_8));
        redirect.addFlashAttribute("notice", result.alreadyApplied()
                ? "Bankrapporten " + result.messageId() + " var redan inläst; inget ändrades."
                : "Bankrapporten " + result.messageId() + " är inläst: " + result.applied() + " transaktioner tillämpade, "
                  + result.unmatched().size() + " utan matchning, " + result.conflicts().size() + " i konflikt.");
        return "redirect:/console/payout-batches/" + batchId;
    }
}
