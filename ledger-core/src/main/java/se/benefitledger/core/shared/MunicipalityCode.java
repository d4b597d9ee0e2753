package se.benefitledger.core.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A Swedish municipality code (kommunkod): four digits, the first two giving the county. */
public record MunicipalityCode(String code) {

    private static final Map<String, String> NAMES = load();

    public MunicipalityCode {
        Objects.requireNonNull(code, "municipality code");
        if (!NAMES.containsKey(code)) {
            throw new IllegalArgumentException("not a Swedish municipality code: must be one of the 290 kommunkoder");
        }
    }

    public static MunicipalityCode of(String code) {
        return new MunicipalityCode(code);
    }

    public static boolean isValid(String code) {
        return code != null && NAMES.containsKey(code);
    }

    /** All municipalities, code to name, in code order. */
    public static Map<String, String> all() {
        return NAMES;
    }

    public String name() {
        return NAMES.get(code);
    }

    @Override
    public String toString() {
        return code;
    }

    private static Map<String, String> load() {
        var names = new LinkedHashMap<String, String>();
        try (var in = MunicipalityCode.class.getResourceAsStream("municipalities.tsv");
             var reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            reader.lines()
                  .filter(line -> !line.isBlank() && !line.startsWith("#"))
                  .map(line -> line.split("\t", 2))
                  .forEach(parts -> names.put(parts[0], parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(names);
    }
}
