package se.benefitledger.api.fuzz;

import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Users;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The properties every answer has, whatever was asked. */
final class Answers {

    private static final List<String> STACK_TRACE = List.of("\tat ", "at java.", "at org.", "at se.benefitledger", "Exception", "Caused by",
            ".java:", "Throwable");
    private static final List<String> SQL = List.of("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", " WHERE ", "SQLState", "SQL state",
            "PSQLException", "org.postgresql", "ERROR: ", "violates", "duplicate key", "relation \"", "column \"", "character(",
            "character varying", "syntax error", "jdbc:", "domain_event_entry", "pii_subject");
    private static final Pattern PERSONNUMMER = Pattern.compile("(?<![0-9])(?:19|20)?(\\d{6})[-+]?(\\d{4})(?![0-9])");
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Users who see personnummer unmasked, where the contract shows them. */
    private static final Set<Users> UNMASKED = Set.of(Users.INES, Users.INGRID, Users.ISAK, Users.ALVA);

    private final LedgerModel model;

    Answers(LedgerModel model) {
        this.model = model;
    }

    /** Every property of the answer that does not depend on the store; an empty list when all hold. */
    List<String> violations(FuzzRequest request, Http.Response response) {
        var violations = new ArrayList<String>();
        int status = response.status();
        if (!request.expect().allows(status)) {
            violations.add("expected " + request.expect().name() + ", got " + status);
        }
        String headers = response.raw().headers().map().toString();
        String text = response.body() + "\n" + headers;
        for (String trace : STACK_TRACE) {
            if (text.contains(trace)) {
                violations.add("a stack trace in the answer (\"" + trace.strip() + "\")");
            }
        }
        for (String sql : SQL) {
            if (text.contains(sql)) {
                violations.add("SQL in the answer (\"" + sql.strip() + "\")");
            }
        }
        boolean unmaskedAllowed = status < 300 && UNMASKED.contains(request.user()) && request.path().startsWith("/api/v1/households");
        var personnummer = PERSONNUMMER.matcher(text);
        while (personnummer.find() && !unmaskedAllowed) {
            if (model.personnummerSent.contains(personnummer.group(1) + personnummer.group(2))) {
                violations.add("a personnummer in the answer");
                break;
            }
        }
        if (status >= 400 && !response.header("Content-Type").orElse("").startsWith("application/problem+json")) {
            violations.add("an error answer that is not application/problem+json but " + response.header("Content-Type").orElse("(none)"));
        }
        if (request.foreign()) {
            String asked = request.path() + new String(request.body(), StandardCharsets.UTF_8);
            var ids = UUIDS.matcher(text);
            while (ids.find()) {
                String municipality = model.municipalityOf.get(UUID.fromString(ids.group()));
                if (municipality != null && model.municipalities.contains(municipality) && !asked.contains(ids.group())) {
                    violations.add("names " + ids.group() + " of a municipality its user may not see");
                }
            }
        }
        if (status == 200 && request.path().endsWith("/file") && !wellFormed(response.body())) {
            violations.add("a bank file that is not well-formed XML");
        }
        return violations;
    }

    private static boolean wellFormed(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
