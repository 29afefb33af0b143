package nl.startpakket.platform.audit;

import java.util.List;
import nl.startpakket.platform.security.StaffRole;
import nl.startpakket.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coordinator reads this service's audit trail. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditTrail auditTrail;

    public AuditController(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @GetMapping
    public List<AuditTrail.AuditEntry> recent(@RequestParam(required = false) String actor,
                                              @RequestParam(required = false) String subject,
                                              @RequestParam(defaultValue = "100") int limit,
                                              Authentication user) {
        boolean coordinator = user != null && user.getAuthorities().stream()
                .anyMatch(a -> StaffRole.COORDINATOR.authority().equals(a.getAuthority()));
        if (!coordinator) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Only a coordinator reads the audit trail.");
        }
        return auditTrail.recent(actor, subject, Math.max(1, Math.min(limit, 1000)));
    }
}
