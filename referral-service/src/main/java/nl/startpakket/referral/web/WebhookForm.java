package nl.startpakket.referral.web;

import java.util.ArrayList;
import java.util.List;

/** The coordinator's form for a partner's new webhook: the address and the statuses it wants. */
public class WebhookForm {

    private String url;
    private List<String> statuses = new ArrayList<>();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getStatuses() {
        return statuses;
    }

    public void setStatuses(List<String> statuses) {
        this.statuses = statuses == null ? new ArrayList<>() : statuses;
    }
}
