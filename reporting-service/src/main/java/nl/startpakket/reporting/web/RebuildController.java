package nl.startpakket.reporting.web;

import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.reporting.integration.in.ProjectionRebuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * COORDINATOR: rebuild the projections from the start of the log, beside the active version,
 * and follow its progress. Readers keep being served from the active version throughout.
 */
@RestController
@RequestMapping("/api/v1/reports/rebuild")
public class RebuildController {

    private final ProjectionRebuilder rebuilder;
    private final ReportAccess access;

    public RebuildController(ProjectionRebuilder rebuilder, ReportAccess access) {
        this.rebuilder = rebuilder;
        this.access = access;
    }

    @PostMapping
    public ResponseEntity<ProjectionRebuilder.Status> start(Authentication viewer) {
        requireCoordinator(viewer);
        try {
            return ResponseEntity.accepted().body(rebuilder.start("requested by " + viewer.getName()));
        } catch (IllegalStateException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "rebuild-running", "A rebuild is running", e.getMessage());
        }
    }

    @GetMapping
    public ProjectionRebuilder.Status status(Authentication viewer) {
        requireCoordinator(viewer);
        return rebuilder.status();
    }

    private void requireCoordinator(Authentication viewer) {
        if (!access.isCoordinator(viewer)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden-rebuild", "Forbidden", "Only a coordinator may rebuild.");
        }
    }
}
