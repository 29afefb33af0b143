package nl.startpakket.referral.partner;

import java.util.List;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.referral.api.partner.PartnerTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo partners of DESIGN.md with their well-known API keys and one web form user each (user
 * name and password = partner id, e-mail {@code <partner id>@demo.startpakket.nl} for status e-mails), under profile {@code demo} only, made through the same
 * commands as a coordinator's (by {@value #COORDINATOR}). Idempotent: a restart finds them and
 * adds nothing; a coordinator's later changes to a demo partner are kept. Runs after
 * {@link LegacyPartnerImport}, so demo partners of a local stack from before the event log are
 * imported, not made again.
 */
@Component
@Profile("demo")
@Order(LegacyPartnerImport.ORDER + 10)
public class DemoPartners implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPartners.class);

    /** Key id of the demo keys, so a revoked demo key stays revoked after a restart. */
    public static final String DEMO_KEY_ID = "demo";
    public static final String COORDINATOR = "system:demo";

    public record DemoPartner(String id, String name, IntermediaryType type, String municipality) {

        public String apiKey() {
            return "demo-" + id;
        }

        /** The web form user's address for status e-mails (a demo domain: nothing leaves the local stack). */
        public String email() {
            return id + "@demo.startpakket.nl";
        }
    }

    public static final List<DemoPartner> PARTNERS = List.of(
            new DemoPartner("verloskundige-huizen", "Verloskundigenpraktijk Huizen", IntermediaryType.MIDWIFE, "GM0406"),
            new DemoPartner("consultatiebureau-huizen", "Consultatiebureau Huizen", IntermediaryType.CONSULTATION_BUREAU, "GM0406"),
            new DemoPartner("gemeente-heerlen", "Gemeente Heerlen", IntermediaryType.MUNICIPALITY, "GM0917"));

    private final PartnerAdministration administration;
    private final PartnerDirectory directory;

    public DemoPartners(PartnerAdministration administration, PartnerDirectory directory) {
        this.administration = administration;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    public void seed() {
        for (DemoPartner demo : PARTNERS) {
            if (directory.find(demo.id()).isEmpty()) {
                administration.register(COORDINATOR, demo.id(),
                        new PartnerTerms(demo.name(), demo.type(), List.of(demo.municipality()), true));
                log.info("Demo partner {} created", demo.id());
            }
            administration.addKey(COORDINATOR, demo.id(), DEMO_KEY_ID, demo.apiKey());
            // web form user: user name = password = partner id
            if (directory.findByUsername(demo.id()).isEmpty()) {
                administration.putUser(COORDINATOR, demo.id(), demo.id(), demo.id());
                // status e-mails land in the local stack's demo inbox (data/logs/mail.log)
                administration.changeEmail(COORDINATOR, demo.id(), demo.id(), demo.email(), "nl");
            }
        }
    }
}
