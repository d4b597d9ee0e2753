package se.benefitledger.api.payout;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.benefitledger.api.payment.PaymentResponse;
import se.benefitledger.api.payment.PaymentResponses;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.security.AccessControl;
import se.benefitledger.api.web.IfMatch;
import se.benefitledger.api.web.PageRequest;
import se.benefitledger.api.web.PageResponse;
import se.benefitledger.projections.payment.PaymentQueries;
import se.benefitledger.projections.payout.PayoutBatchQueries;
import se.benefitledger.projections.payout.PayoutBatchView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/payout-batches")
class PayoutBatchController {

    /** A bound on what the XML parser is given; larger bodies are refused before parsing. */
    static final int MAX_BANK_REPORT = 16 * 1024 * 1024;

    private final PayoutBatchService service;
    private final PayoutFileService files;
    private final PayoutBatchQueries batches;
    private final PaymentQueries payments;
    private final PaymentResponses paymentResponses;
    private final AccessControl access;
    private final BankReportService bankReports;

    PayoutBatchController(PayoutBatchService service, PayoutFileService files, PayoutBatchQueries batches, PaymentQueries payments,
                          PaymentResponses paymentResponses, AccessControl access, BankReportService bankReports) {
        this.service = service;
        this.bankReports = bankReports;
        this.files = files;
        this.batches = batches;
        this.payments = payments;
        this.paymentResponses = paymentResponses;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<PayoutBatchView> create(@Valid @RequestBody CreatePayoutBatchRequest request) {
        access.requireMayActIn(request.municipality());
        var batch = service.create(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(batch.batchId()).toUri();
        return ResponseEntity.created(location).eTag(Long.toString(batch.version())).body(batch);
    }

    @GetMapping("/{batchId}")
    ResponseEntity<PayoutBatchView> get(@PathVariable UUID batchId) {
        var batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("payout batch", batchId));
        return ResponseEntity.ok().eTag(Long.toString(batch.version())).body(batch);
    }

    @GetMapping("/{batchId}/payments")
    PageResponse<PaymentResponse> payments(@PathVariable UUID batchId, @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        var request = new PageRequest(page, size);
        var items = paymentResponses.render(payments.inBatch(batchId, request.offset(), request.size()));
        return new PageResponse<>(items, request.page(), request.size(), payments.countInBatch(batchId));
    }

    /** Written straight to the response as it is produced: 100,000 payments make some 35 MB of XML. */
    @GetMapping(path = "/{batchId}/file", produces = MediaType.APPLICATION_XML_VALUE)
    @ApiResponse(responseCode = "200", description = "ISO 20022 pain.001.001.03 customer credit transfer initiation",
                 content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string")))
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
     * The bank's own answer: a pain.002.001.03 status report or a camt.054.001.02 notification,
     * at most {@value #MAX_BANK_REPORT} bytes of UTF-8 XML without a DTD.
     */
    @PostMapping(path = "/{batchId}/bank-reports", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    BankReportResult bankReport(@PathVariable UUID batchId, @RequestBody byte[] xml) {
        if (xml.length > MAX_BANK_REPORT) {
            throw new InvalidRequestException("body", "a bank report may have at most " + MAX_BANK_REPORT + " bytes");
        }
        return bankReports.apply(batchId, new String(xml, StandardCharsets.UTF_8));
    }

    @PostMapping("/{batchId}/settlement")
    ResponseEntity<PayoutBatchView> settle(@PathVariable UUID batchId, @Valid @RequestBody SettlementRequest request,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var batch = service.settle(batchId, request, IfMatch.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(Long.toString(batch.version())).body(batch);
    }
}
