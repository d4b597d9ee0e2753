package se.benefitledger.api.payout;

import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType3Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransactionInformation10;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification7;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader32;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification1;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation3;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.core.shared.Money;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes a payout batch as an ISO 20022 {@code pain.001.001.03} customer credit transfer initiation with one
 * payment information block, in SEK. The transactions are streamed: a batch of 100,000 payments is never held
 * in memory, neither as objects nor as one XML string or DOM.
 *
 * <p>Only the {@code Document}, {@code CstmrCdtTrfInitn} and {@code PmtInf} tags are written by hand; everything
 * inside them is a Prowide model object marshalled by JAXB as a fragment.
 */
public final class Pain001Writer {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    /** The creditor name that shows a payee as erased: no payee's name can be it, since a name has no brackets. */
    public static final String ERASED_CREDITOR = "[ERASED]";
    private static final String CURRENCY = "SEK";
    private static final int MAX_ID = 35;
    private static final int MAX_TEXT = 140;
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?");
    private static final JAXBContext JAXB = jaxbContext();

    /**
     * The paying municipality's account at its bank, an IBAN or a Swedish bank account; without a BIC the debtor agent
     * is "NOTPROVIDED".
     */
    public record Debtor(String name, PayeeAccount account, String bic) {
        public Debtor {
            requireText(name, "debtor name");
            Objects.requireNonNull(account, "debtor account");
            if (account.kind() != PayeeAccount.Kind.IBAN && account.kind() != PayeeAccount.Kind.BANK_ACCOUNT) {
                throw new IllegalArgumentException("a debtor account is an IBAN or a Swedish bank account, not a " + account.kind());
            }
            if (bic != null && !BIC.matcher(bic).matches()) {
                throw new IllegalArgumentException("not a BIC: " + bic);
            }
        }
    }

    public record Header(String messageId, OffsetDateTime createdAt, String paymentInformationId,
                         LocalDate requestedExecutionDate, Debtor debtor, long numberOfTransactions,
                         Money controlSum) {
        public Header {
            requireId(messageId, "message id");
            Objects.requireNonNull(createdAt, "creation time");
            requireId(paymentInformationId, "payment information id");
            Objects.requireNonNull(requestedExecutionDate, "requested execution date");
            Objects.requireNonNull(debtor, "debtor");
            Objects.requireNonNull(controlSum, "control sum");
            if (numberOfTransactions < 1) {
                throw new IllegalArgumentException("pain.001 needs at least one transaction");
            }
        }
    }

    /**
     * One payment; a null remittance information leaves out {@code RmtInf}. A payment to a payee whose personal data was
     * erased (see {@link #toErasedPayee}) is the only one without a creditor account.
     */
    public record Transaction(String endToEndId, Money amount, String creditorName, PayeeAccount creditorAccount,
                              String remittanceInformation) {
        public Transaction {
            requireId(endToEndId, "end-to-end id");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("a payment must be more than zero: " + endToEndId);
            }
            requireText(creditorName, "creditor name");
            if (!ERASED_CREDITOR.equals(creditorName)) {
                Objects.requireNonNull(creditorAccount, "creditor account");
            }
        }

        /**
         * A payment whose payee's name and account were erased, in the file of an old batch: {@code Cdtr/Nm} says
         * {@value #ERASED_CREDITOR} and {@code CdtrAcct} (optional in pain.001.001.03) is left out; the amount and ids stay.
         */
        public static Transaction toErasedPayee(String endToEndId, Money amount, String remittanceInformation) {
            return new Transaction(endToEndId, amount, ERASED_CREDITOR, null, remittanceInformation);
        }
    }

    /**
     * Writes the file as UTF-8 and flushes, without closing {@code out}.
     *
     * @throws IllegalArgumentException when the transactions do not add up to the header's count and control sum;
     *                                  the output is then left unfinished (not well-formed XML) and must be discarded
     */
    public void write(Header header, Iterator<Transaction> transactions, OutputStream out) throws IOException {
        // The JDK's UTF-8 stream writer hands the OutputStream one byte at a time.
        var buffered = new BufferedOutputStream(out, 64 * 1024);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffered, "UTF-8");
            Marshaller marshaller = JAXB.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            var fragment = new Pain001Namespace(xml, false);

            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("", "Document", NAMESPACE);
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("", "CstmrCdtTrfInitn", NAMESPACE);
            marshaller.marshal(element("GrpHdr", GroupHeader32.class, groupHeader(header)), fragment);
            xml.writeStartElement("", "PmtInf", NAMESPACE);
            // PmtInfId … DbtrAgt come from one object, so its propOrder keeps them in schema order; its own tags
            // are left out because CdtTrfTxInf, the last element of PmtInf, is streamed in after it.
            marshaller.marshal(element("PmtInf", PaymentInstructionInformation3.class, paymentInformation(header)),
                               new Pain001Namespace(xml, true));
            long count = 0;
            Money sum = Money.ZERO;
            while (transactions.hasNext()) {
                Transaction transaction = transactions.next();
                if (++count > header.numberOfTransactions()) {
                    throw new IllegalArgumentException("more transactions than the header's "
                                                       + header.numberOfTransactions());
                }
                sum = sum.plus(transaction.amount());
                marshaller.marshal(element("CdtTrfTxInf", CreditTransferTransactionInformation10.class,
                                           creditTransfer(transaction)), fragment);
            }
            if (count != header.numberOfTransactions() || !sum.equals(header.controlSum())) {
                throw new IllegalArgumentException("transactions add up to " + count + " payments of " + sum
                                                   + " SEK, the header says " + header.numberOfTransactions()
                                                   + " of " + header.controlSum());
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            buffered.flush();
        } catch (XMLStreamException | JAXBException e) {
            throw new IOException("could not write pain.001 " + header.messageId(), e);
        }
    }

    private static GroupHeader32 groupHeader(Header header) {
        return new GroupHeader32()
                .setMsgId(header.messageId())
                // Fractions of a second are legal but add nothing and trip some banks' format checks.
                .setCreDtTm(header.createdAt().truncatedTo(ChronoUnit.SECONDS))
                .setNbOfTxs(Long.toString(header.numberOfTransactions()))
                .setCtrlSum(header.controlSum().toKronor())
                .setInitgPty(party(header.debtor().name()));
    }

    private static PaymentInstructionInformation3 paymentInformation(Header header) {
        Debtor debtor = header.debtor();
        var institution = debtor.bic() != null
                ? new FinancialInstitutionIdentification7().setBIC(debtor.bic())
                : new FinancialInstitutionIdentification7().setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"));
        return new PaymentInstructionInformation3()
                .setPmtInfId(header.paymentInformationId())
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs(Long.toString(header.numberOfTransactions()))
                .setCtrlSum(header.controlSum().toKronor())
                .setReqdExctnDt(header.requestedExecutionDate())
                .setDbtr(party(debtor.name()))
                .setDbtrAcct(account(debtor.account()))
                .setDbtrAgt(new BranchAndFinancialInstitutionIdentification4().setFinInstnId(institution));
    }

    private static CreditTransferTransactionInformation10 creditTransfer(Transaction transaction) {
        var creditTransfer = new CreditTransferTransactionInformation10()
                .setPmtId(new PaymentIdentification1().setEndToEndId(transaction.endToEndId()))
                .setAmt(new AmountType3Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setCcy(CURRENCY)
                        .setValue(transaction.amount().toKronor())))
                .setCdtr(party(transaction.creditorName()));
        if (transaction.creditorAccount() != null) {
            creditTransfer.setCdtrAcct(account(transaction.creditorAccount()));
        }
        if (transaction.remittanceInformation() != null && !transaction.remittanceInformation().isBlank()) {
            creditTransfer.setRmtInf(new RemittanceInformation5().addUstrd(truncate(transaction.remittanceInformation())));
        }
        return creditTransfer;
    }

    private static PartyIdentification32 party(String name) {
        return new PartyIdentification32().setNm(truncate(name));
    }

    /**
     * Each kind the way Swedish banks' pain.001 guides read it: an IBAN as {@code IBAN}; otherwise {@code Othr} with
     * the scheme: bankgiro {@code Prtry BGNR}, plusgiro {@code Prtry PGNR}, a Swedish bank account {@code Cd BBAN}
     * (clearing number and account number as one run of digits).
     */
    private static CashAccount16 account(PayeeAccount account) {
        var id = new AccountIdentification4Choice();
        switch (account.kind()) {
            case IBAN -> id.setIBAN(account.electronic());
            case BANK_ACCOUNT -> id.setOthr(other(account, new AccountSchemeName1Choice().setCd("BBAN")));
            case BANKGIRO -> id.setOthr(other(account, new AccountSchemeName1Choice().setPrtry("BGNR")));
            case PLUSGIRO -> id.setOthr(other(account, new AccountSchemeName1Choice().setPrtry("PGNR")));
        }
        return new CashAccount16().setId(id);
    }

    private static GenericAccountIdentification1 other(PayeeAccount account, AccountSchemeName1Choice scheme) {
        return new GenericAccountIdentification1().setId(account.electronic()).setSchmeNm(scheme);
    }

    /** Max140Text counts characters, so cut on a code point boundary. */
    private static String truncate(String text) {
        return text.codePointCount(0, text.length()) <= MAX_TEXT
                ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
    }

    private static void requireId(String id, String what) {
        if (id == null || id.isBlank() || id.length() > MAX_ID) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_ID + " characters: " + id);
        }
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static <T> JAXBElement<T> element(String name, Class<T> type, T value) {
        return new JAXBElement<>(new QName(NAMESPACE, name), type, value);
    }

    private static JAXBContext jaxbContext() {
        try {
            return JAXBContext.newInstance(GroupHeader32.class, PaymentInstructionInformation3.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("no JAXB context for pain.001 model classes", e);
        }
    }

    /**
     * Prowide's model classes leave their child elements unqualified (the dic package has no {@code @XmlSchema}),
     * so JAXB on its own writes them in no namespace, with {@code xmlns=""} once it sees the default namespace
     * of {@code Document}: not a pain.001 file. This takes JAXB's output as SAX events and writes every element
     * into the pain.001 namespace, declared once on {@code Document}, ignoring JAXB's own declarations. With
     * {@code childrenOnly} it also leaves out the fragment's outermost tags.
     *
     * <p>SAX rather than StAX events: JAXB looks up an {@code XMLEventFactory} on the classpath for every
     * fragment marshalled to an {@code XMLEventWriter}, 100,000 lookups for a large batch.
     */
    private static final class Pain001Namespace extends DefaultHandler {

        private final XMLStreamWriter xml;
        private final boolean childrenOnly;
        private int depth;

        Pain001Namespace(XMLStreamWriter xml, boolean childrenOnly) {
            this.xml = xml;
            this.childrenOnly = childrenOnly;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (depth++ == 0 && childrenOnly) {
                return;
            }
            try {
                xml.writeStartElement("", localName, NAMESPACE);
                for (int i = 0; i < attributes.getLength(); i++) {
                    xml.writeAttribute(attributes.getLocalName(i), attributes.getValue(i));
                }
            } catch (XMLStreamException e) {
                throw new SAXException(e);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (--depth == 0 && childrenOnly) {
                return;
            }
            try {
                xml.writeEndElement();
            } catch (XMLStreamException e) {
                throw new SAXException(e);
            }
        }

        @Override
        public void characters(char[] text, int start, int length) throws SAXException {
            try {
                xml.writeCharacters(text, start, length);
            } catch (XMLStreamException e) {
                throw new SAXException(e);
            }
        }
    }
}
