package nl.startpakket.reporting.web;

import java.util.regex.Pattern;
import nl.startpakket.platform.security.StaffRole;
import nl.startpakket.platform.security.StaffClaims;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.reporting.config.ReportingProperties;
import nl.startpakket.reporting.query.SmallNumbers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may see which municipality's figures, and how exactly: a COORDINATOR sees every
 * municipality with exact numbers; an EVALUATOR only their own municipality, with small numbers
 * suppressed; anyone else nothing.
 */
@Component
public class ReportAccess {

    private static final Pattern CBS_CODE = Pattern.compile("GM\\d{4}");

    private final ReportingProperties properties;

    public ReportAccess(ReportingProperties properties) {
        this.properties = properties;
    }

    /** The suppression that applies to this viewer for this municipality; refuses with 403 if none may. */
    public SmallNumbers numbersFor(Authentication viewer, String municipality) {
        if (!CBS_CODE.matcher(municipality).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-municipality", "Invalid municipality",
                    "A municipality is its CBS code, e.g. GM0406.");
        }
        if (isCoordinator(viewer)) {
            return new SmallNumbers(properties.getSuppressionThreshold(), false);
        }
        if (has(viewer, StaffRole.EVALUATOR.authority())
                && has(viewer, StaffClaims.MUNICIPALITY_PREFIX + municipality)) {
            return new SmallNumbers(properties.getSuppressionThreshold(), true);
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden-municipality", "Forbidden",
                "You may not see the figures of " + municipality + ".");
    }

    public boolean isCoordinator(Authentication viewer) {
        return has(viewer, StaffRole.COORDINATOR.authority());
    }

    /** The municipality an evaluator belongs to, if any. */
    public String ownMunicipality(Authentication viewer) {
        return viewer.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(StaffClaims.MUNICIPALITY_PREFIX))
                .map(a -> a.substring(StaffClaims.MUNICIPALITY_PREFIX.length()))
                .findFirst().orElse(null);
    }

    private static boolean has(Authentication viewer, String authority) {
        return viewer != null && viewer.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
