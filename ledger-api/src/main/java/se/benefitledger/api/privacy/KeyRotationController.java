package se.benefitledger.api.privacy;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.benefitledger.api.pii.PiiKeyRotation;

/**
 * Re-wraps every data key under the configured master key ({@code ledger.pii.master-key}); the previous master keys
 * ({@code ledger.pii.previous-master-keys}) keep everything readable meanwhile. See docs/privacy-and-audit.md.
 */
@RestController
@RequestMapping("/api/v1/admin/pii-keys/rotation")
class KeyRotationController {

    private final PiiKeyRotation rotation;

    KeyRotationController(PiiKeyRotation rotation) {
        this.rotation = rotation;
    }

    @PostMapping
    PiiKeyRotation.Result rotate() {
        return rotation.rotate();
    }
}
