package nl.startpakket.referral.web;

import java.util.ArrayList;
import java.util.List;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.referral.partner.PartnerView;

/** The coordinator's partner form as typed: the id (new partners only) and the terms. */
public class PartnerForm {

    private String partnerId;
    private String name;
    private String intermediaryType;
    private List<String> municipalities = new ArrayList<>();
    private boolean active = true;

    static PartnerForm of(PartnerView partner) {
        PartnerForm form = new PartnerForm();
        form.setPartnerId(partner.getId());
        form.setName(partner.getName());
        form.setIntermediaryType(partner.getIntermediaryType() == null ? null : partner.getIntermediaryType().name());
        form.setMunicipalities(new ArrayList<>(partner.getMunicipalities()));
        form.setActive(partner.isActive());
        return form;
    }

    /** The chosen kind, or null when none (or no known one) is chosen. */
    IntermediaryType type() {
        for (IntermediaryType type : IntermediaryType.values()) {
            if (type.name().equals(intermediaryType)) {
                return type;
            }
        }
        return null;
    }

    /** The chosen municipalities without blanks and repetitions. */
    List<String> chosenMunicipalities() {
        return municipalities == null ? List.of()
                : municipalities.stream().filter(code -> code != null && !code.isBlank()).map(String::trim).distinct().toList();
    }

    public String getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(String partnerId) {
        this.partnerId = partnerId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIntermediaryType() {
        return intermediaryType;
    }

    public void setIntermediaryType(String intermediaryType) {
        this.intermediaryType = intermediaryType;
    }

    public List<String> getMunicipalities() {
        return municipalities;
    }

    public void setMunicipalities(List<String> municipalities) {
        this.municipalities = municipalities;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
