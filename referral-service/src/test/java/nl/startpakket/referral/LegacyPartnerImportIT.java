package nl.startpakket.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.api.partner.UserNameTakenException;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.referral.partner.LegacyPartnerImport;
import nl.startpakket.referral.partner.PartnerAdministration;
import nl.startpakket.referral.partner.PartnerDirectory;
import nl.startpakket.referral.partner.PartnerUsers;
import nl.startpakket.referral.partner.PartnerView;
import nl.startpakket.referral.partner.Secrets;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Partners of an installation from before partners were event-sourced are imported into the
 * event log once, as they were, and the directory that authentication reads stays in step with
 * the log even when writing it failed.
 */
@ServiceIntegrationTest
class LegacyPartnerImportIT {

    static final Instant ISSUED = Instant.parse("2025-02-01T09:00:00Z");
    static final Instant REVOKED = Instant.parse("2025-08-01T09:00:00Z");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LegacyPartnerImport legacyImport;

    @Autowired
    EventStore eventStore;

    @Autowired
    PartnerDirectory directory;

    @Autowired
    PartnerUsers users;

    @Autowired
    PartnerAdministration administration;

    @Autowired
    PasswordEncoder passwordEncoder;

    /** A partner as the service kept it before: a mutable document with its keys, its users beside it. */
    String legacyPartner(String key, String revokedKey, String username) {
        String partnerId = "it-legacy-" + UUID.randomUUID().toString().substring(0, 8);
        mongo.getCollection(PartnerView.COLLECTION).insertOne(new Document("_id", partnerId)
                .append("name", "Verloskundigen van vroeger").append("intermediaryType", "MIDWIFE")
                .append("municipalities", List.of("GM0406")).append("active", true)
                .append("apiKeys", List.of(
                        new Document("keyId", "old1").append("hash", Secrets.sha256(key)).append("createdAt", Date.from(ISSUED))
                                .append("revokedAt", null),
                        new Document("keyId", "old2").append("hash", Secrets.sha256(revokedKey)).append("createdAt", Date.from(ISSUED))
                                .append("revokedAt", Date.from(REVOKED))))
                .append("_class", "nl.startpakket.referral.partner.Partner"));
        mongo.getCollection("partner_users").insertOne(new Document("_id", username)
                .append("passwordHash", passwordEncoder.encode("a password of before")).append("partnerId", partnerId)
                .append("_class", "nl.startpakket.referral.partner.PartnerUser"));
        return partnerId;
    }

    long events(String partnerId) {
        return eventStore.readEvents(partnerId).asStream().count();
    }

    @Test
    void importsAPartnerOfBeforeOnceAsItWas() {
        String key = "spk_old1_" + UUID.randomUUID();
        String revokedKey = "spk_old2_" + UUID.randomUUID();
        String username = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        String partnerId = legacyPartner(key, revokedKey, username);
        assertThat(directory.authenticate(key)).as("before the import, as before").isPresent();

        assertThat(legacyImport.importAll()).isGreaterThanOrEqualTo(1);
        // registered, two keys issued, one revoked, one user
        assertThat(events(partnerId)).isEqualTo(5);
        assertThat(legacyImport.importAll()).as("a second start").isZero();
        assertThat(events(partnerId)).isEqualTo(5);

        PartnerView partner = directory.find(partnerId).orElseThrow();
        assertThat(partner.getSequence()).isEqualTo(4);
        assertThat(partner.getName()).isEqualTo("Verloskundigen van vroeger");
        assertThat(partner.getApiKeys()).containsExactly(
                new PartnerView.ApiKey("old1", Secrets.sha256(key), ISSUED, null),
                new PartnerView.ApiKey("old2", Secrets.sha256(revokedKey), ISSUED, REVOKED));
        assertThat(directory.authenticate(key)).get().extracting(p -> p.partnerId()).isEqualTo(partnerId);
        assertThat(directory.authenticate(revokedKey)).isEmpty();
        assertThat(passwordEncoder.matches("a password of before", users.loadUserByUsername(username).getPassword())).isTrue();

        String other = "it-legacy-other-" + UUID.randomUUID().toString().substring(0, 8);
        administration.register("it-coordinator", other, new PartnerTerms("Ander", IntermediaryType.OTHER, List.of("GM0406"), true));
        assertThatThrownBy(() -> administration.putUser("it-coordinator", other, username, "another long password"))
                .as("the imported user's name is claimed").isInstanceOf(UserNameTakenException.class);
    }

    @Test
    void aDirectoryBehindItsEventLogIsRepairedByTheNextCoordinatorAct() {
        String partnerId = "it-repair-" + UUID.randomUUID().toString().substring(0, 8);
        administration.register("it-coordinator", partnerId, new PartnerTerms("Herstel", IntermediaryType.OTHER, List.of("GM0406"), true));
        String apiKey = administration.issueKey("it-coordinator", partnerId).apiKey();
        String keyId = directory.authenticate(apiKey).orElseThrow().keyId();
        administration.revokeKey("it-coordinator", partnerId, keyId);
        // as if writing the directory had failed after the revocation was stored
        mongo.updateFirst(Query.query(Criteria.where("_id").is(partnerId)), new Update().set("sequence", 1L).unset("apiKeys.0.revokedAt"),
                PartnerView.class);
        assertThat(directory.authenticate(apiKey)).isPresent();

        // the coordinator revokes again: nothing new is stored, and the directory catches up
        administration.revokeKey("it-coordinator", partnerId, keyId);
        assertThat(directory.authenticate(apiKey)).isEmpty();
        assertThat(directory.find(partnerId).orElseThrow().getSequence()).isEqualTo(2);
        assertThat(events(partnerId)).isEqualTo(3);
    }
}
