package nl.startpakket.referral.partner;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person who uses the web form on behalf of a partner. The password only as a hash. */
@Document(PartnerUser.COLLECTION)
public class PartnerUser {

    public static final String COLLECTION = "partner_users";

    @Id
    private String username;
    private String passwordHash;
    private String partnerId;

    public PartnerUser() {
    }

    public PartnerUser(String username, String passwordHash, String partnerId) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.partnerId = partnerId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(String partnerId) {
        this.partnerId = partnerId;
    }
}
