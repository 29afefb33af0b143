package nl.startpakket.referral.command.partner;

import java.util.Optional;

/**
 * Which partner holds a web form user name. User names are unique across partners while each
 * partner aggregate knows only its own users, so the name is claimed in a store with one entry
 * per name (a unique key) before the user is added: of two partners adding the same name at
 * the same moment, one claim wins.
 */
public interface WebUserNames {

    /**
     * Claims the name for the partner.
     *
     * @return empty when the partner now holds it (or already did), otherwise the partner that holds it
     */
    Optional<String> claim(String username, String partnerId);

    /** Gives the name up, if this partner holds it. */
    void release(String username, String partnerId);
}
