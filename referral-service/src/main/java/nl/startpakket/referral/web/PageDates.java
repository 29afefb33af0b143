package nl.startpakket.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** {@code dates} on every page: days and moments in the service's (Dutch) time zone. */
@ControllerAdvice(assignableTypes = {ReferralPageController.class, PartnerPageController.class, ImportPageController.class})
public class PageDates {

    private final Clock clock;

    public PageDates(Clock clock) {
        this.clock = clock;
    }

    /** Dates on the pages, in Dutch time. */
    public record DateDisplay(ZoneId zone) {

        public String day(Instant at) {
            return at == null ? "" : DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(zone).format(at);
        }

        public String moment(Instant at) {
            return at == null ? "" : DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(zone).format(at);
        }
    }

    @ModelAttribute("dates")
    public DateDisplay dates() {
        return new DateDisplay(clock.getZone());
    }
}
