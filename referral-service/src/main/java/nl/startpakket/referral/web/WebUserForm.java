package nl.startpakket.referral.web;

/** The coordinator's form for a new web form user: the name only; the password is made up by Startpakket. */
public class WebUserForm {

    private String username;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
