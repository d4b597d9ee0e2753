package se.benefitledger.api.pii;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

@Configuration(proxyBeanMethods = false)
class PiiKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PiiKeyConfiguration.class);

    @Bean
    PiiKeys piiKeys(PiiKeyProperties properties, Environment environment) {
        if (properties.masterKey() != null && properties.indexKey() != null) {
            return PiiKeys.fromBase64(properties.masterKey(), properties.indexKey(), properties.previousMasterKeys());
        }
        if (environment.containsProperty("spring.datasource.url") || properties.devKeyFile() == null) {
            throw new IllegalStateException(
                    "ledger.pii.master-key and ledger.pii.index-key must be configured when the service uses an external database");
        }
        return developmentKeys(properties.devKeyFile());
    }

    /** The embedded default run keeps generated keys next to its data, so that restarts can still decrypt. */
    private static PiiKeys developmentKeys(Path file) {
        try {
            var keys = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    keys.load(in);
                }
            } else {
                var random = new SecureRandom();
                keys.setProperty("master-key", randomKey(random));
                keys.setProperty("index-key", randomKey(random));
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the user's profile directory protects the file
                }
                try (var out = Files.newOutputStream(file)) {
                    keys.store(out, "benefit-ledger development PII keys; for the embedded default run only");
                }
                log.warn("Generated development PII keys in {}; configure ledger.pii.* for real data", file);
            }
            return PiiKeys.fromBase64(keys.getProperty("master-key"), keys.getProperty("index-key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the development PII keys in " + file, e);
        }
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
