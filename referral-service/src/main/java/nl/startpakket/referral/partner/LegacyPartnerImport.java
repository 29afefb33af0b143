package nl.startpakket.referral.partner;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import nl.startpakket.referral.api.partner.ImportPartnerCommand;
import nl.startpakket.referral.api.partner.PartnerIdentifiers;
import nl.startpakket.referral.api.partner.PartnerTerms;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Partners kept before partners were event-sourced (documents in {@code partners} without a
 * {@code sequence}, their users in {@code partner_users}) are brought into the event log once at
 * start-up, before the demo data and before traffic is accepted (readiness comes after the
 * runners). Production data made through the API would otherwise be lost, and so would a local
 * stack's demo partners with a coordinator's changes to them. Idempotent: a partner already in
 * the log is only caught up in the directory, and the aggregate ignores a second import. Until
 * its import succeeds an old document's API keys keep authenticating (its web form users cannot
 * sign in meanwhile). {@code partner_users} is read, never changed: it can be dropped once every
 * installation has started this version.
 */
@Component
@Order(LegacyPartnerImport.ORDER)
public class LegacyPartnerImport implements ApplicationRunner {

    public static final int ORDER = 0;
    static final String LEGACY_USERS = "partner_users";
    public static final String COORDINATOR = "system:import";
    private static final Logger log = LoggerFactory.getLogger(LegacyPartnerImport.class);

    private final MongoTemplate mongo;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final PartnerDirectoryProjection projection;

    public LegacyPartnerImport(MongoTemplate mongo, CommandGateway commands, EventStore eventStore,
                               PartnerDirectoryProjection projection) {
        this.mongo = mongo;
        this.commands = commands;
        this.eventStore = eventStore;
        this.projection = projection;
    }

    @Override
    public void run(ApplicationArguments args) {
        int imported = importAll();
        if (imported > 0) {
            log.info("{} partner(s) brought into the event log", imported);
        }
    }

    /** Imports every partner not yet in the event log; answers how many were imported now. */
    public int importAll() {
        int imported = 0;
        for (PartnerView legacy : mongo.find(query(where("sequence").exists(false)), PartnerView.class)) {
            String partnerId = legacy.getId();
            if (!PartnerIdentifiers.isPartnerId(partnerId)) {
                log.error("Partner {} has an id no partner can have; left as it is", partnerId);
                continue;
            }
            try {
                if (eventStore.lastSequenceNumberFor(partnerId).isEmpty()
                        && Boolean.TRUE.equals(commands.sendAndWait(toCommand(legacy)))) {
                    imported++;
                }
                projection.catchUp(partnerId);
            } catch (RuntimeException e) {
                log.error("Partner {} could not be brought into the event log; its API keys keep working, its users "
                        + "cannot sign in; tried again at the next start", partnerId, e);
            }
        }
        return imported;
    }

    private ImportPartnerCommand toCommand(PartnerView legacy) {
        List<ImportPartnerCommand.Key> keys = legacy.getApiKeys().stream()
                .map(key -> new ImportPartnerCommand.Key(key.keyId(), key.hash(), key.createdAt(), key.revokedAt()))
                .toList();
        List<ImportPartnerCommand.User> users = new ArrayList<>();
        for (Document user : mongo.getCollection(LEGACY_USERS).find(Filters.eq("partnerId", legacy.getId()))) {
            users.add(new ImportPartnerCommand.User(user.getString("_id"), user.getString("passwordHash")));
        }
        PartnerTerms terms = new PartnerTerms(legacy.getName(), legacy.getIntermediaryType(), legacy.getMunicipalities(),
                legacy.isActive());
        return new ImportPartnerCommand(legacy.getId(), terms, keys, users, COORDINATOR);
    }
}
