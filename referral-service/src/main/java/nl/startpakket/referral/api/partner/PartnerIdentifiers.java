package nl.startpakket.referral.api.partner;

import java.util.regex.Pattern;

/**
 * What a partner id and a web form user name look like. A partner id is the partner aggregate's
 * identifier in the event store, beside the referrals' {@code R-<uuid>}: lower case only, so the
 * two can never meet.
 */
public final class PartnerIdentifiers {

    public static final Pattern PARTNER_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    public static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{3,100}$");
    /** An e-mail address as far as it can be told without sending: one @, no spaces, a dot in the domain, 254 at most. */
    public static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    public static final int MAX_EMAIL = 254;

    private PartnerIdentifiers() {
    }

    public static boolean isPartnerId(String value) {
        return value != null && PARTNER_ID.matcher(value).matches();
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= MAX_EMAIL && EMAIL.matcher(value).matches();
    }

    public static boolean isUsername(String value) {
        return value != null && USERNAME.matcher(value).matches();
    }
}
