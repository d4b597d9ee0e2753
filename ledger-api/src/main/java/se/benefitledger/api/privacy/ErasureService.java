package se.benefitledger.api.privacy;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.benefitledger.api.idempotency.IdempotencyStore;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.core.privacy.ErasePersonalDataCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Erasure by crypto-shredding (domain.md §9.7): in one transaction the person's vault data key, ciphertext and blind
 * index are destroyed, with those of the payees that are the person's household's own accounts (payments of type
 * HOUSEHOLD to a household the person applied in); every stored idempotent answer that showed them is redacted; and
 * {@code PersonalDataErased} is recorded. Events, read models and reports name the person by id only and do not
 * change: amounts and counts stay exact, and every later answer shows the person as erased.
 */
@Service
public class ErasureService {

    private final PiiVault vault;
    private final IdempotencyStore storedResponses;
    private final CommandGateway commands;
    private final JdbcClient jdbc;

    ErasureService(PiiVault vault, IdempotencyStore storedResponses, CommandGateway commands, JdbcClient jdbc) {
        this.vault = vault;
        this.storedResponses = storedResponses;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @Transactional
    public Erasure erase(UUID personId, String reason) {
        var erased = vault.personErased(personId).orElseThrow(() -> new NotFoundException("person", personId));
        if (erased) {
            return new Erasure(personId, "ERASED", 0, true);
        }
        List<UUID> payeeIds = householdPayees(personId);
        var subjects = new ArrayList<UUID>(payeeIds);
        subjects.add(personId);
        List<String> shownAs = vault.erase(subjects);
        storedResponses.redact(subjects, shownAs);
        commands.sendAndWait(new ErasePersonalDataCommand(personId, payeeIds, reason));
        return new Erasure(personId, "ERASED", payeeIds.size(), false);
    }

    /** Payees that are the person's own household account: where the person was applicant or co-applicant. */
    private List<UUID> householdPayees(UUID personId) {
        return jdbc.sql("""
                        SELECT DISTINCT p.payee_id FROM payment p
                        JOIN household_member m ON m.household_id = p.household_id
                        JOIN pii_subject s ON s.subject_id = p.payee_id AND s.wrapped_key IS NOT NULL
                        WHERE m.person_id = ? AND m.role IN ('APPLICANT', 'CO_APPLICANT') AND p.payee_type = 'HOUSEHOLD'
                        ORDER BY p.payee_id""")
                   .param(personId)
                   .query(UUID.class)
                   .list();
    }
}
