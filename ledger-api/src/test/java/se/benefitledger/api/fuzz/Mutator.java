package se.benefitledger.api.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import se.benefitledger.api.support.Users;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns the model's valid requests into requests as sent, valid or spoilt in one way each. */
final class Mutator {

    /** Where a spoilt value goes in the serialised body, replaced by raw JSON text or raw bytes. */
    private static final String MARK = "\u2603FUZZ\u2603";
    private static final Set<String> MONEY = Set.of("amount", "principal");
    private static final Set<String> DATES = Set.of("dueDate", "payoutDate", "settledOn", "returnedOn", "receivedOn", "decidedOn", "paidOn");
    private static final Set<String> MONTHS = Set.of("benefitMonth", "effectiveMonth");
    private static final Set<String> IDS = Set.of("householdId", "paymentId", "paymentIds");
    private static final Set<String> TEXTS = Set.of("reason", "note");
    private static final Set<String> ENUMS = Set.of("type", "role", "outcome", "legalBasis", "cause", "ground", "status");
    /** Dates the ledger accepts at all are 2000-01-01 … 2099-12-31. */
    private static final List<String> BAD_DATES = List.of("1999-12-31", "2100-01-01", "+10000-01-01", "0000-01-01", "-0001-01-01",
            "1800-01-01", "9999-12-31", "+999999999-12-31", "2021-02-30", "2021-2-3", "20210225", "2021-02-25T00:00:00Z", " 2021-02-25",
            "", "today", "2021/02/25");
    private static final List<String> BAD_MONTHS = List.of("1999-12", "2100-01", "+10000-01", "0000-01", "-0001-01", "9999-12",
            "2021-13", "2021-00", "2021-1", "202101", "2021-01-01", "", "March");
    private static final List<String> BAD_MONEY = List.of("10000000.01", "10000000000", "99999999999.99", "-0.01", "-1", "0", "0.00",
            "0.001", "1.001", "NaN", "Infinity", "-Infinity", "0x10", " 1.00", "1.00 ", "1,00", "1 000.00", "١٢٣٫٤٥", "１２３", "",
            "00000000001.00", "1.00.00", "--1", "1e400");
    /** Raw JSON numbers no amount may be. */
    private static final Set<String> ZEROS = Set.of("0", "0.00", "-0.0");
    private static final List<String> BAD_MONEY_NUMBERS = List.of("1e400", "-1", "0", "1.001", "123456789012345678901234567890",
            "10000000.01", "-0.0", "1E-400", "0.1e-5");
    private static final List<String> CONTROL = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\t", "\n", "\r", "\u001B", "\u001F",
            "\u0080", "\u0085", "\u009B", "\u009F");
    private static final List<String> BIDI = List.of("\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
            "\u2066", "\u2067", "\u2068", "\u2069");
    /** JSON escapes of lone UTF-16 surrogates: valid JSON text, no valid Unicode string. */
    private static final List<String> LONE_SURROGATES = List.of("\\uD800", "\\uDBFF", "\\uDC00", "\\uDFFF", "\\uDC00\\uD800");
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xA0, (byte) 0xA1},
            new byte[]{(byte) 0xE2, 0x28, (byte) 0xA1}, new byte[]{(byte) 0xF0, 0x28, (byte) 0x8C, 0x28}, new byte[]{(byte) 0xFF},
            new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
    private static final List<String> NOT_IN_PAYEE_NAMES = List.of("@", "<", ">", "\"", ";", "_", "%", "#", "😀", "™", "=", "\\", "*", "?");
    private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** The restricted users who may not see the fuzzer's municipalities, by the role of the user they stand in for. */
    private static final Map<Users, Users> RESTRICTED = Map.of(Users.NILS, Users.ANNA, Users.FRIDA, Users.FREDRIK, Users.INES, Users.INGRID);

    private final Random random;
    private final LedgerModel model;

    Mutator(Random random, LedgerModel model) {
        this.random = random;
        this.model = model;
    }

    /** The template as a client of the contract sends it. */
    FuzzRequest valid(Template template, String idempotencyKey) {
        var headers = new LinkedHashMap<String, String>();
        if (template.body() != null) {
            headers.put("Content-Type", "application/json");
            headers.put("Idempotency-Key", idempotencyKey);
        } else if (template.path().startsWith("/api/v1/reports/")) {
            headers.put("Accept", random.nextInt(4) == 0 ? "text/csv" : "application/json");
        }
        return new FuzzRequest(template.operation(), "valid", template.user(), template.method(), template.path() + query(template.query()),
                headers, template.body() == null ? new byte[0] : serialise(template.body()), template.expect(), template.accepted(), false);
    }

    /** The template spoilt in one way; the answer must be a 4xx (of the kind the contract names) and nothing stored. */
    FuzzRequest mutate(Template template, String idempotencyKey) {
        var valid = valid(template, idempotencyKey).with("?", Expectation.REFUSED);
        int roll = random.nextInt(100);
        if (template.body() != null && roll < 55) {
            return body(template, valid);
        }
        if (template.body() == null && !template.query().isEmpty() && roll < 55) {
            return query(template, valid);
        }
        if (roll < 70 && template.scope() != Template.Scope.NONE && RESTRICTED.containsKey(template.user())) {
            return foreign(template, idempotencyKey);
        }
        if (roll < 76) {
            return path(template, valid);
        }
        if (roll < 82) {
            return authentication(template, valid);
        }
        if (template.body() != null && roll < 90) {
            return headers(template, valid);
        }
        if (template.body() != null) {
            return malformed(valid);
        }
        return template.path().startsWith("/api/v1/reports/")
                ? valid.withHeader("Accept", pick("application/xml", "text/html", "image/png")).with("unacceptable Accept", Expectation.exactly(406))
                : authentication(template, valid);
    }

    // ---------------------------------------------------------------- bodies

    private FuzzRequest body(Template template, FuzzRequest valid) {
        ObjectNode body = template.body().deepCopy();
        var slots = new ArrayList<Slot>();
        collect(body, "", slots);
        var slot = slots.get(random.nextInt(slots.size()));
        String kind = kind(slot);
        int roll = random.nextInt(100);
        if (roll < 12) {
            return wrongType(valid, body, slot, kind);
        }
        if (roll < 20) {
            if (template.optional().contains(slot.name()) || slot.index() >= 0) {
                return unknownField(valid, body);
            }
            if (random.nextBoolean()) {
                ((ObjectNode) slot.parent()).remove(slot.name());
                return replaced(valid, body, "missing " + slot.path());
            }
            ((ObjectNode) slot.parent()).putNull(slot.name());
            return replaced(valid, body, "null " + slot.path());
        }
        if (roll < 26) {
            return duplicate(valid, body, slot);
        }
        if (roll < 31) {
            return unknownField(valid, body);
        }
        if (roll < 44) {
            return tooLong(valid, body, slot, kind);
        }
        if (roll < 66 && slot.value().isTextual()) {
            return badCharacters(valid, body, slot, kind);
        }
        if (roll < 80 && (kind.equals("date") || kind.equals("month"))) {
            return badDate(valid, body, slot, kind);
        }
        if (roll < 90 && kind.equals("money")) {
            return badMoney(valid, body, slot);
        }
        if (kind.equals("id")) {
            set(slot, TextNode.valueOf(random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()).toString() : pick("not-a-uuid", "", "00000000-0000-0000-0000-00000000000g",
                    "{00000000-0000-0000-0000-000000000000}", "0")));
            return replaced(valid, body, "unknown or malformed id in " + slot.path());
        }
        if (kind.equals("list")) {
            return tooMany(valid, body, slot);
        }
        return badCharacters(valid, body, slot, kind);
    }

    private FuzzRequest wrongType(FuzzRequest valid, ObjectNode body, Slot slot, String kind) {
        var factory = JsonNodeFactory.instance;
        if (kind.equals("money") && random.nextBoolean()) {
            return raw(valid, body, slot, pick(badMoneyFor(slot, BAD_MONEY_NUMBERS)), "amount as the number %s in " + slot.path());
        }
        JsonNode wrong;
        if (slot.value().isContainerNode()) {
            wrong = pick(TextNode.valueOf("x"), factory.numberNode(5), factory.booleanNode(true),
                    slot.value().isArray() ? factory.objectNode() : factory.arrayNode());
        } else if (kind.equals("money")) {
            // an amount may be a JSON number: 7 and 1.5 are amounts, not wrong types
            wrong = pick(factory.booleanNode(true), factory.booleanNode(false), factory.arrayNode().add(slot.value()),
                    factory.objectNode().set("value", slot.value()));
        } else {
            wrong = pick(factory.numberNode(7), factory.numberNode(1.5), factory.booleanNode(true), factory.booleanNode(false),
                    factory.arrayNode().add(slot.value()), factory.objectNode().set("value", slot.value()), factory.numberNode(20210225));
        }
        set(slot, wrong);
        return replaced(valid, body, "wrong type " + wrong.getNodeType() + " for " + slot.path());
    }

    private FuzzRequest unknownField(FuzzRequest valid, ObjectNode body) {
        var objects = new ArrayList<ObjectNode>();
        objects.add(body);
        body.findParents("type").forEach(node -> objects.add((ObjectNode) node));
        pick(objects.toArray(ObjectNode[]::new)).put(pick("extra", "Amount", "municipalityCode", "__proto__", "id", "version", "status2"), "x");
        return replaced(valid, body, "unknown field");
    }

    private FuzzRequest duplicate(FuzzRequest valid, ObjectNode body, Slot slot) {
        if (slot.index() >= 0) {
            return unknownField(valid, body);
        }
        var parent = (ObjectNode) slot.parent();
        parent.put(MARK, MARK);
        String other = slot.value().isTextual() && random.nextBoolean() ? "\"" + slot.value().textValue() + "\"" : pick("\"2021-01-01\"", "\"1.00\"", "null",
                "\"" + new UUID(random.nextLong(), random.nextLong()) + "\"", "\"OTHER\"", "[]", "1");
        String text = serialiseText(body).replace("\"" + MARK + "\":\"" + MARK + "\"", "\"" + slot.name() + "\":" + other);
        return bytes(valid, text.getBytes(StandardCharsets.UTF_8), "duplicate field " + slot.path());
    }

    private FuzzRequest tooLong(FuzzRequest valid, ObjectNode body, Slot slot, String kind) {
        String value = switch (kind) {
            case "text" -> model.text(pick(141, 141, 500, 5_000, 1_000_000));
            case "name" -> model.payeeName() + "A".repeat(pick(71, 200, 100_000));
            case "money" -> pick("00000000001.00", "1".repeat(14), "1".repeat(100), "9".repeat(10_000) + ".00", "1".repeat(200_000),
                    random.nextInt(20) == 0 ? "1".repeat(2_000_000) : "0".repeat(50_000) + "1");
            case "pnr" -> pick("1".repeat(13), "19811218-98765", "1".repeat(10_000));
            default -> (slot.value().isTextual() ? slot.value().textValue() : "x") + "7".repeat(pick(40, 300, 10_000, 300_000));
        };
        set(slot, TextNode.valueOf(value));
        return replaced(valid, body, "too long (" + value.length() + " chars) " + slot.path());
    }

    private FuzzRequest badCharacters(FuzzRequest valid, ObjectNode body, Slot slot, String kind) {
        String original = slot.value().isTextual() ? slot.value().textValue() : "x";
        int at = random.nextInt(original.length() + 1);
        int roll = random.nextInt(kind.equals("name") ? 5 : 4);
        if (roll == 0) {
            set(slot, TextNode.valueOf(MARK));
            String text = serialiseText(body).replace(MARK, escape(original.substring(0, at)) + pick(LONE_SURROGATES.toArray(String[]::new))
                    + escape(original.substring(at)));
            return bytes(valid, text.getBytes(StandardCharsets.UTF_8), "lone surrogate escape in " + slot.path());
        }
        if (roll == 1) {
            set(slot, TextNode.valueOf(MARK));
            byte[] text = serialise(body);
            byte[] mark = MARK.getBytes(StandardCharsets.UTF_8);
            int where = indexOf(text, mark);
            var out = new ByteArrayOutputStream();
            out.write(text, 0, where);
            out.writeBytes(original.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(INVALID_UTF8.get(random.nextInt(INVALID_UTF8.size())));
            out.writeBytes(original.substring(at).getBytes(StandardCharsets.UTF_8));
            out.write(text, where + mark.length, text.length - where - mark.length);
            return bytes(valid, out.toByteArray(), "invalid UTF-8 in " + slot.path());
        }
        String inserted = switch (roll) {
            case 2 -> pick(CONTROL.toArray(String[]::new));
            case 3 -> pick(BIDI.toArray(String[]::new));
            default -> pick(NOT_IN_PAYEE_NAMES.toArray(String[]::new));
        };
        set(slot, TextNode.valueOf(original.substring(0, at) + inserted + original.substring(at)));
        return replaced(valid, body, String.format("U+%04X inserted in %s", inserted.codePointAt(0), slot.path()));
    }

    private FuzzRequest badDate(FuzzRequest valid, ObjectNode body, Slot slot, String kind) {
        String value = kind.equals("month") ? pick(BAD_MONTHS.toArray(String[]::new)) : pick(BAD_DATES.toArray(String[]::new));
        if (kind.equals("date") && !slot.name().equals("dueDate") && !slot.name().equals("payoutDate") && random.nextInt(3) == 0) {
            value = LedgerModel.TODAY.plusDays(8 + random.nextInt(400)).toString();
        }
        set(slot, TextNode.valueOf(value));
        return replaced(valid, body, "date " + value + " in " + slot.path());
    }

    private FuzzRequest badMoney(FuzzRequest valid, ObjectNode body, Slot slot) {
        String value = pick(badMoneyFor(slot, BAD_MONEY));
        set(slot, TextNode.valueOf(value));
        return replaced(valid, body, "amount \"" + value + "\" in " + slot.path());
    }

    /**
     * The bad amounts for a slot: zero is refused only where the contract wants more than 0 (payments, findings,
     * claims and their movements), not in a decision's lines and incomes, where the long run found the model wrong.
     */
    private static String[] badMoneyFor(Slot slot, List<String> values) {
        boolean zeroAllowed = slot.path().startsWith("lines[") || slot.path().startsWith("incomes[");
        return values.stream().filter(value -> !zeroAllowed || !ZEROS.contains(value)).toArray(String[]::new);
    }

    private FuzzRequest tooMany(FuzzRequest valid, ObjectNode body, Slot slot) {
        var list = (ArrayNode) slot.value();
        if (list.isEmpty()) {
            set(slot, TextNode.valueOf("[]"));
            return replaced(valid, body, "list as a string " + slot.path());
        }
        int limit = switch (slot.name()) {
            case "members" -> 20;
            case "lines", "incomes" -> 30;
            default -> 500;
        };
        if (slot.name().equals("results")) {
            return wrongType(valid, body, slot, "list");
        }
        var element = list.get(0);
        while (list.size() <= limit) {
            list.add(element.deepCopy());
        }
        return replaced(valid, body, "too many (" + list.size() + ") " + slot.path());
    }

    // ---------------------------------------------------------------- other parts of a request

    private FuzzRequest query(Template template, FuzzRequest valid) {
        var query = new LinkedHashMap<>(template.query());
        var names = new ArrayList<>(query.keySet());
        String name = names.get(random.nextInt(names.size()));
        String label;
        Expectation expect = Expectation.REFUSED;
        int roll = random.nextInt(10);
        if (roll == 0 && !Set.of("page", "size", "status", "basis", "asOf").contains(name)) {
            query.remove(name);
            label = "missing parameter " + name;
        } else if (roll == 1) {
            query.put(name + "X", "1");
            label = "unknown parameter";
            expect = Expectation.ANY;
        } else {
            String value = switch (name) {
                case "municipality" -> pick("9999", "04880", "488", "abc", "", "0488 ", "0000", "٠٤٨٨");
                case "from", "to", "month" -> query.get(name).length() == 10 ? pick(BAD_DATES.toArray(String[]::new)) : pick(BAD_MONTHS.toArray(String[]::new));
                case "year" -> pick("1999", "2100", "10000", "0", "-1", "20x1", "", "99999999999");
                case "page" -> pick("-1", "2147483648", "99999999999999999999", "1.5", "abc", "1e3");
                case "size" -> pick("0", "501", "-1", "abc", "2147483648", "1e3");
                case "asOf" -> pick("yesterday", "2021-01-01", "+10000-01-01T00:00:00Z", "2021-01-01T25:00:00Z", "0");
                case "personalIdentityNumber" -> pick("198112189875", "19811218987", "", "abc", "1".repeat(5_000));
                default -> pick("X", "open", "1".repeat(1_000));
            };
            query.put(name, value);
            label = "parameter " + name + "=" + (value.length() > 40 ? value.length() + " chars" : value);
        }
        if (random.nextInt(10) == 0) {
            String first = template.query().keySet().iterator().next();
            return valid.withPath(template.path() + query(template.query()) + "&" + enc(first) + "=" + enc(template.query().get(first)))
                        .with("duplicated parameter " + first, Expectation.ANY);
        }
        return valid.withPath(template.path() + query(query)).with(label, expect);
    }

    private FuzzRequest foreign(Template template, String idempotencyKey) {
        Users restricted = RESTRICTED.get(template.user());
        if (template.operation().equals("recovery claim") && model.restrictedHousehold != null && random.nextBoolean()) {
            var body = template.body().deepCopy().put("householdId", model.restrictedHousehold.toString());
            var claim = new Template(template.operation(), restricted, template.method(), template.path(), body, template.query(),
                    template.optional(), template.scope(), template.expect(), template.accepted());
            return foreign(valid(claim, idempotencyKey), "own household, another municipality's payments", Expectation.exactly(404));
        }
        var request = valid(template.as(restricted), idempotencyKey);
        var id = UUID_IN_PATH.matcher(request.path());
        if (template.scope() == Template.Scope.BY_ID && random.nextInt(4) == 0 && id.find()) {
            // the scope check must see the id the handler reads, however it is spelt
            String spoilt = request.path().substring(0, id.start()) + pick("%20" + id.group(), id.group() + "%09") + request.path().substring(id.end());
            return foreign(request.withPath(spoilt), "another municipality's id with white space", Expectation.REFUSED);
        }
        return template.scope() == Template.Scope.BY_MUNICIPALITY
                ? foreign(request, "another municipality", Expectation.exactly(403))
                : foreign(request, "another municipality's ids", Expectation.exactly(404));
    }

    private static FuzzRequest foreign(FuzzRequest request, String label, Expectation expect) {
        return new FuzzRequest(request.operation(), label, request.user(), request.method(), request.path(), request.headers(), request.body(),
                expect, request.accepted(), true);
    }

    private FuzzRequest path(Template template, FuzzRequest valid) {
        var matcher = UUID_IN_PATH.matcher(template.path());
        if (!matcher.find()) {
            return valid.withPath(template.path() + pick("/x", "/../../actuator/prometheus", "%00", ";jsessionid=1")).with("unknown path", Expectation.REFUSED);
        }
        boolean unknown = random.nextBoolean();
        String id = unknown ? new UUID(random.nextLong(), random.nextLong()).toString() : pick("not-a-uuid", "%00", "..%2F..", "%E2%80%AE", "1".repeat(5_000), "00000000-0000-0000-0000-00000000000g",
                "%C3%28", "%20" + matcher.group(), matcher.group() + "%09", matcher.group() + "%0A");
        String path = template.path().substring(0, matcher.start()) + id + template.path().substring(matcher.end());
        return valid.withPath(path + query(template.query())).with(unknown ? "unknown id in path" : "malformed id in path",
                unknown ? Expectation.exactly(404) : Expectation.REFUSED);
    }

    private FuzzRequest authentication(Template template, FuzzRequest valid) {
        var anonymous = new FuzzRequest(valid.operation(), "?", null, valid.method(), valid.path(), valid.headers(), valid.body(),
                Expectation.exactly(401), valid.accepted(), false);
        return switch (random.nextInt(5)) {
            case 0 -> anonymous.with("no credentials", Expectation.exactly(401));
            case 1 -> anonymous.withHeader("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (template.user().username() + ":wrong").getBytes(StandardCharsets.UTF_8))).with("wrong password", Expectation.exactly(401));
            case 2 -> anonymous.withHeader("Authorization", pick("Basic !!!", "Bearer abc.def.ghi", "Basic", "Digest x")).with("malformed credentials",
                    Expectation.exactly(401));
            default -> {
                Users other = template.path().startsWith("/api/v1/admin") ? Users.NILS : template.path().startsWith("/api/v1/reports") ? Users.ADAM
                        : template.method().equals("GET") ? pick(Users.ADAM, Users.RUT) : pick(Users.ADAM, Users.RUT, Users.ALVA);
                var forbidden = new FuzzRequest(valid.operation(), "role " + other.username(), other, valid.method(), valid.path(), valid.headers(),
                        valid.body(), Expectation.exactly(403), valid.accepted(), false);
                yield forbidden;
            }
        };
    }

    private FuzzRequest headers(Template template, FuzzRequest valid) {
        return switch (random.nextInt(6)) {
            case 0 -> {
                String type = pick(null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                        "application/jsonx", "image/png");
                yield valid.withHeader("Content-Type", type).with("content type " + type, Expectation.REFUSED);
            }
            case 1 -> valid.withHeader("Idempotency-Key", pick(null, "a".repeat(256), "a".repeat(10_000)))
                           .with("missing or long Idempotency-Key", Expectation.exactly(400));
            case 2 -> template.path().matches(".*/[0-9a-f-]{36}/.*")
                    ? valid.withHeader("If-Match", pick("\"999999\"", "\"-1\"", "\"99999999999999999999\"", "abc", "\"\""))
                           .with("stale or malformed If-Match", template.expect() == Expectation.SUCCESS ? Expectation.exactly(400, 412) : Expectation.REFUSED)
                    : malformed(valid);
            default -> malformed(valid);
        };
    }

    private FuzzRequest malformed(FuzzRequest valid) {
        String text = new String(valid.body(), StandardCharsets.UTF_8);
        byte[] body = switch (random.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
            case 2 -> (text + pick("x", "}", ",", " {}", "\u0000")).getBytes(StandardCharsets.UTF_8);
            case 3 -> pick("null", "[]", "{}", "\"\"", "0", "true").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
            case 5 -> ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
            case 6 -> ("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
            default -> text.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
        };
        return bytes(valid, body, "malformed body");
    }

    /** A body above the contract's 32 MB limit. */
    FuzzRequest oversized(String idempotencyKey) {
        Template template = model.anyOperation();
        while (template.body() == null) {
            template = model.anyOperation();
        }
        var valid = valid(template, idempotencyKey);
        String text = new String(valid.body(), StandardCharsets.UTF_8);
        String padded = "{\"padding\":\"" + "x".repeat(33 * 1024 * 1024) + "\"," + text.substring(1);
        return bytes(valid, padded.getBytes(StandardCharsets.UTF_8), "body above 32 MB").with("body above 32 MB", Expectation.exactly(413));
    }

    // ---------------------------------------------------------------- helpers

    /** A field or element of the body: its parent, its name (the list's name for elements) and its index in a list (or -1). */
    private record Slot(JsonNode parent, String name, int index, String path, JsonNode value) {
    }

    private static void collect(JsonNode node, String path, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                slots.add(new Slot(object, field.getKey(), -1, fieldPath, field.getValue()));
                collect(field.getValue(), fieldPath, slots);
            });
        } else if (node instanceof ArrayNode array) {
            String name = path.substring(path.lastIndexOf('.') + 1);
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, name, i, path + "[" + i + "]", array.get(i)));
                collect(array.get(i), path + "[" + i + "]", slots);
            }
        }
    }

    private static String kind(Slot slot) {
        if (slot.value().isArray()) {
            return "list";
        }
        if (slot.value().isObject()) {
            return "object";
        }
        String name = slot.name();
        if (MONEY.contains(name)) {
            return "money";
        }
        if (DATES.contains(name)) {
            return "date";
        }
        if (MONTHS.contains(name)) {
            return "month";
        }
        if (IDS.contains(name)) {
            return "id";
        }
        if (TEXTS.contains(name)) {
            return "text";
        }
        if (ENUMS.contains(name)) {
            return "enum";
        }
        return switch (name) {
            case "name" -> "name";
            case "personalIdentityNumber" -> "pnr";
            default -> name;
        };
    }

    private static void set(Slot slot, JsonNode value) {
        if (slot.index() >= 0) {
            ((ArrayNode) slot.parent()).set(slot.index(), value);
        } else {
            ((ObjectNode) slot.parent()).set(slot.name(), value);
        }
    }

    private FuzzRequest raw(FuzzRequest valid, ObjectNode body, Slot slot, String json, String label) {
        set(slot, TextNode.valueOf(MARK));
        String text = serialiseText(body).replace("\"" + MARK + "\"", json);
        return bytes(valid, text.getBytes(StandardCharsets.UTF_8), label.formatted(json));
    }

    private FuzzRequest replaced(FuzzRequest valid, ObjectNode body, String label) {
        return bytes(valid, serialise(body), label);
    }

    private static FuzzRequest bytes(FuzzRequest valid, byte[] body, String label) {
        return new FuzzRequest(valid.operation(), label, valid.user(), valid.method(), valid.path(), valid.headers(), body,
                Expectation.REFUSED, valid.accepted(), valid.foreign());
    }

    static byte[] serialise(JsonNode body) {
        return serialiseText(body).getBytes(StandardCharsets.UTF_8);
    }

    private static String serialiseText(JsonNode body) {
        try {
            return LedgerModel.json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String text) {
        String json = serialiseText(TextNode.valueOf(text));
        return json.substring(1, json.length() - 1);
    }

    private static int indexOf(byte[] text, byte[] part) {
        outer:
        for (int i = 0; i <= text.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (text[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("mark not found");
    }

    static String query(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        var text = new StringBuilder();
        query.forEach((name, value) -> text.append(text.isEmpty() ? "?" : "&").append(enc(name)).append('=').append(enc(value)));
        return text.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }
}
