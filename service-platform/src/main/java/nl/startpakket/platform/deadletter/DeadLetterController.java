package nl.startpakket.platform.deadletter;

import java.util.List;
import java.util.Map;
import nl.startpakket.platform.security.StaffRole;
import nl.startpakket.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a coordinator inspect the dead letters of this service's inbound topics and replay one
 * after the cause was fixed. Every replay is written to the audit log.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
public class DeadLetterController {

    private static final Logger audit = LoggerFactory.getLogger("startpakket.audit");

    private final DeadLetterDesk desk;

    public DeadLetterController(DeadLetterDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    public Map<String, List<DeadLetter>> list(@RequestParam(required = false) String topic,
                                              @RequestParam(defaultValue = "100") int limit,
                                              Authentication user) {
        requireCoordinator(user);
        int bounded = Math.max(1, Math.min(limit, 1000));
        Map<String, List<DeadLetter>> result = new java.util.TreeMap<>();
        for (String consumed : desk.consumedTopics()) {
            if (topic == null || topic.equals(consumed)) {
                result.put(consumed, desk.list(consumed, bounded));
            }
        }
        if (topic != null && result.isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown-topic", "Unknown topic",
                    "This service consumes " + desk.consumedTopics());
        }
        return result;
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    public DeadLetter replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
                             Authentication user) {
        requireCoordinator(user);
        if (!desk.consumedTopics().contains(topic)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown-topic", "Unknown topic",
                    "This service consumes " + desk.consumedTopics());
        }
        DeadLetter replayed = desk.replay(topic, partition, offset).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "no-dead-letter", "No such dead letter", "Nothing at " + topic + ".dlt " + partition + "@" + offset));
        audit.info("user={} action=replay-dead-letter topic={} partition={} offset={} eventId={}", user.getName(), topic,
                partition, offset, replayed.eventId());
        return replayed;
    }

    private static void requireCoordinator(Authentication user) {
        boolean coordinator = user != null && user.getAuthorities().stream()
                .anyMatch(a -> StaffRole.COORDINATOR.authority().equals(a.getAuthority()));
        if (!coordinator) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Only a coordinator handles dead letters.");
        }
    }
}
