package nl.startpakket.referral;

import static nl.startpakket.referral.ReferralServiceIT.babyReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.referral.ReferralServiceIT.Household;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.partner.PartnerAdministration;
import nl.startpakket.referral.partner.PartnerDirectory;
import nl.startpakket.referral.partner.PartnerLastUse;
import nl.startpakket.referral.partner.PartnerView;
import nl.startpakket.referral.web.PartnerPageController.NewPassword;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The coordinator's partner pages: only coordinators see them, a new key is shown exactly once
 * and works in the next request, a revoked key is refused in the next request, invalid fields
 * are named next to the fields, users get a password shown once, and every act is audited.
 */
@ServiceIntegrationTest
class PartnerPagesIT {

    static final RequestPostProcessor COORDINATOR = user("coordinator").roles("COORDINATOR");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Autowired
    WebApplicationContext context;

    @Autowired
    PartnerAdministration administration;

    @Autowired
    PartnerDirectory directory;

    @Autowired
    AuditTrail audit;

    @Autowired
    PartnerLastUse lastUse;

    MockMvc mvc;
    String partnerId;

    @BeforeEach
    void setUp() throws Exception {
        // built on the shared context (no context of its own for MockMvc)
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        partnerId = "it-pages-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/partners").with(COORDINATOR).with(csrf())
                        .param("partnerId", partnerId).param("name", "Schuldhulp Huizen").param("intermediaryType", "SOCIAL_CARE")
                        .param("municipalities", "GM0406").param("active", "true").param("_active", "on"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/partners/" + partnerId));
    }

    @Test
    void onlyACoordinatorSeesThePartnerPages() throws Exception {
        mvc.perform(get("/partners").with(user("verloskundige").authorities(new SimpleGrantedAuthority("ROLE_PARTNER"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/partners/" + partnerId).with(user("volunteer").roles("VOLUNTEER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/partners")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        String list = page(get("/partners").with(COORDINATOR));
        assertThat(list).contains("Schuldhulp Huizen", "Sociaal werk", "Huizen", "nooit").doesNotContain("<script");
    }

    @Test
    void aNewKeyIsShownExactlyOnceAndARevokedKeyIsRefusedAtOnce() throws Exception {
        MvcResult issued = mvc.perform(post("/partners/" + partnerId + "/keys").with(COORDINATOR).with(csrf()))
                .andExpect(redirectedUrl("/partners/" + partnerId)).andReturn();
        String shown = page(get("/partners/" + partnerId).with(COORDINATOR).flashAttrs(issued.getFlashMap()));
        String apiKey = between(shown, "<code id=\"new-api-key\">", "</code>");
        assertThat(apiKey).startsWith("spk_");
        assertThat(shown).contains("alleen deze ene keer getoond");
        assertThat(page(get("/partners/" + partnerId).with(COORDINATOR))).doesNotContain(apiKey).doesNotContain("new-api-key");
        assertThat(page(get("/partners").with(COORDINATOR))).doesNotContain(apiKey);

        assertThat(submit(apiKey)).isEqualTo(201);
        String keyId = directory.find(partnerId).orElseThrow().getApiKeys().get(0).keyId();
        assertThat(between(page(get("/partners/" + partnerId).with(COORDINATOR)), "id=\"key-" + keyId + "\"", "</tr>"))
                .as("the key's last use").contains("geldig").doesNotContain("nooit");

        String question = page(get("/partners/" + partnerId + "/keys/" + keyId + "/revoke").with(COORDINATOR));
        assertThat(question).contains("Sleutel " + keyId + " intrekken?");
        assertThat(submit(apiKey)).as("asking is not revoking").isEqualTo(201);
        mvc.perform(post("/partners/" + partnerId + "/keys/" + keyId + "/revoke").with(COORDINATOR).with(csrf()))
                .andExpect(redirectedUrl("/partners/" + partnerId));
        assertThat(submit(apiKey)).isEqualTo(401);

        assertThat(audit.recent(null, partnerId, 10)).extracting(AuditTrail.AuditEntry::actor).containsOnly("coordinator");
        assertThat(audit.recent(null, partnerId, 10)).extracting(AuditTrail.AuditEntry::action)
                .contains("register-partner", "issue-api-key", "revoke-api-key");
    }

    @Test
    void showsTheRulesOfTheApiNextToTheFields() throws Exception {
        String form = page(post("/partners").with(COORDINATOR).with(csrf())
                .param("partnerId", "Not_Valid").param("name", " ").param("intermediaryType", "").param("_active", "on"));
        assertThat(between(form, "id=\"partnerId-error\">", "</p>")).isEqualTo("2 tot 63 kleine letters, cijfers of streepjes.");
        assertThat(between(form, "id=\"name-error\">", "</p>")).isEqualTo("Verplicht, hoogstens 200 tekens.");
        assertThat(form).contains("id=\"intermediaryType-error\"", "id=\"municipalities-error\"");
        assertThat(directory.find("Not_Valid")).isEmpty();

        String english = page(post("/partners/" + partnerId).with(COORDINATOR).with(csrf()).param("lang", "en")
                .param("name", "Schuldhulp Huizen").param("intermediaryType", "SOCIAL_CARE").param("_active", "on"));
        assertThat(between(english, "id=\"municipalities-error\">", "</p>")).isEqualTo("At least one CBS code, e.g. GM0406.");

        String taken = page(post("/partners").with(COORDINATOR).with(csrf()).param("partnerId", partnerId).param("name", "Dubbel")
                .param("intermediaryType", "OTHER").param("municipalities", "GM0406").param("_active", "on"));
        assertThat(between(taken, "id=\"partnerId-error\">", "</p>")).isEqualTo("Er is al een partner met deze id.");
        assertThat(directory.find(partnerId).orElseThrow().getName()).isEqualTo("Schuldhulp Huizen");
    }

    @Test
    void changesTheTermsThroughTheSameCommandsAsTheApi() throws Exception {
        mvc.perform(post("/partners/" + partnerId).with(COORDINATOR).with(csrf()).param("name", "Schuldhulp Gooi")
                        .param("intermediaryType", "SOCIAL_CARE").param("municipalities", "GM0406", "GM0917").param("_active", "on"))
                .andExpect(redirectedUrl("/partners/" + partnerId));
        PartnerView partner = directory.find(partnerId).orElseThrow();
        assertThat(partner.getName()).isEqualTo("Schuldhulp Gooi");
        assertThat(partner.getMunicipalities()).containsExactly("GM0406", "GM0917");
        assertThat(partner.isActive()).as("an unticked box").isFalse();
        assertThat(audit.recent("coordinator", partnerId, 10)).extracting(AuditTrail.AuditEntry::action)
                .contains("change-partner-terms");
    }

    @Test
    void aNewUserGetsAPasswordShownOnceWithWhichItSignsIn() throws Exception {
        String username = partnerId + "-user";
        MvcResult added = mvc.perform(post("/partners/" + partnerId + "/users").with(COORDINATOR).with(csrf())
                .param("username", username)).andExpect(redirectedUrl("/partners/" + partnerId)).andReturn();
        String shown = page(get("/partners/" + partnerId).with(COORDINATOR).flashAttrs(added.getFlashMap()));
        String password = between(shown, "<code id=\"new-password\">", "</code>");
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(page(get("/partners/" + partnerId).with(COORDINATOR))).contains(username).doesNotContain(password);

        mvc.perform(formLogin("/login").user(username).password(password)).andExpect(authenticated().withUsername(username));
        assertThat(lastUse.of(partnerId).user(username)).as("the sign-in is the user's last use").isNotNull();

        MvcResult reset = mvc.perform(post("/partners/" + partnerId + "/users/" + username + "/password").with(COORDINATOR).with(csrf()))
                .andReturn();
        String newPassword = ((NewPassword) reset.getFlashMap().get("newPassword")).password();
        assertThat(newPassword).isNotEqualTo(password);
        mvc.perform(formLogin("/login").user(username).password(newPassword)).andExpect(authenticated());

        String other = "it-pages-other-" + UUID.randomUUID().toString().substring(0, 8);
        administration.register("it-coordinator", other, new PartnerTerms("Ander", IntermediaryType.OTHER, List.of("GM0406"), true));
        String taken = page(post("/partners/" + other + "/users").with(COORDINATOR).with(csrf()).param("username", username));
        assertThat(between(taken, "id=\"username-error\">", "</p>")).isEqualTo("Gebruikersnaam " + username + " hoort bij een andere partner.");

        assertThat(page(get("/partners/" + partnerId + "/users/" + username + "/remove").with(COORDINATOR)))
                .contains("Gebruiker " + username + " verwijderen?");
        mvc.perform(post("/partners/" + partnerId + "/users/" + username + "/remove").with(COORDINATOR).with(csrf()))
                .andExpect(redirectedUrl("/partners/" + partnerId));
        assertThat(directory.findByUsername(username)).isEmpty();
        mvc.perform(post("/partners/" + other + "/users").with(COORDINATOR).with(csrf()).param("username", username))
                .andExpect(redirectedUrl("/partners/" + other));
        assertThat(directory.findByUsername(username)).get().extracting(PartnerView::getId).isEqualTo(other);
    }

    @Test
    void aWebhookGetsItsSecretShownOnceAndUsersAnAddressAndTheNotificationsAreListed() throws Exception {
        String refused = page(post("/partners/" + partnerId + "/webhooks").with(COORDINATOR).with(csrf())
                .param("url", "http://partner.example.org/events").param("statuses", "DELIVERED"));
        assertThat(between(refused, "id=\"url-error\">", "</p>")).contains("https://");
        MvcResult registered = mvc.perform(post("/partners/" + partnerId + "/webhooks").with(COORDINATOR).with(csrf())
                        .param("url", "https://partner.example.org/events").param("statuses", "FUNDED").param("statuses", "DELIVERED"))
                .andExpect(redirectedUrl("/partners/" + partnerId)).andReturn();
        String shown = page(get("/partners/" + partnerId).with(COORDINATOR).flashAttrs(registered.getFlashMap()));
        String secret = between(shown, "<code id=\"new-webhook-secret\">", "</code>");
        assertThat(secret).startsWith("whsec_");
        String later = page(get("/partners/" + partnerId).with(COORDINATOR));
        assertThat(later).contains("https://partner.example.org/events", "Gefinancierd, Bezorgd", "actief").doesNotContain(secret);
        String webhookId = directory.find(partnerId).orElseThrow().getWebhooks().get(0).webhookId();
        mvc.perform(post("/partners/" + partnerId + "/webhooks/" + webhookId + "/active").with(COORDINATOR).with(csrf())
                .param("active", "false")).andExpect(redirectedUrl("/partners/" + partnerId));
        assertThat(directory.find(partnerId).orElseThrow().webhook(webhookId).orElseThrow().active()).isFalse();
        assertThat(page(get("/partners/" + partnerId + "/webhooks/" + webhookId + "/remove").with(COORDINATOR)))
                .contains("Webhook naar https://partner.example.org/events verwijderen?");
        mvc.perform(post("/partners/" + partnerId + "/webhooks/" + webhookId + "/remove").with(COORDINATOR).with(csrf()))
                .andExpect(redirectedUrl("/partners/" + partnerId));
        assertThat(directory.find(partnerId).orElseThrow().getWebhooks()).isEmpty();

        String username = partnerId + "-mail";
        administration.putUser("it-coordinator", partnerId, username, "correct horse battery");
        MvcResult bad = mvc.perform(post("/partners/" + partnerId + "/users/" + username + "/email").with(COORDINATOR).with(csrf())
                .param("email", "no address")).andExpect(redirectedUrl("/partners/" + partnerId)).andReturn();
        assertThat(page(get("/partners/" + partnerId).with(COORDINATOR).flashAttrs(bad.getFlashMap()))).contains("id=\"email-error\"");
        mvc.perform(post("/partners/" + partnerId + "/users/" + username + "/email").with(COORDINATOR).with(csrf())
                .param("email", username + "@partner.example.org").param("language", "en"))
                .andExpect(redirectedUrl("/partners/" + partnerId));
        assertThat(directory.find(partnerId).orElseThrow().user(username).orElseThrow().email()).isEqualTo(username + "@partner.example.org");
        assertThat(page(get("/partners/" + partnerId).with(COORDINATOR))).contains("value=\"" + username + "@partner.example.org\"",
                "Meldingen");
        assertThat(audit.recent(null, partnerId, 20)).extracting(AuditTrail.AuditEntry::action)
                .contains("register-webhook", "change-webhook", "remove-webhook", "change-web-user-email");
        mvc.perform(post("/partners/" + partnerId + "/notifications/N-00000000-0000-0000-0000-000000000000/replay").with(COORDINATOR)
                .with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void formsWithoutTheCsrfTokenChangeNothing() throws Exception {
        mvc.perform(post("/partners/" + partnerId + "/keys").with(COORDINATOR)).andExpect(status().isForbidden());
        assertThat(directory.find(partnerId).orElseThrow().getApiKeys()).isEmpty();
    }

    String page(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        result.getResponse().setCharacterEncoding("UTF-8");
        return result.getResponse().getContentAsString();
    }

    int submit(String apiKey) throws Exception {
        return mvc.perform(post("/api/v1/referrals").header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(babyReferral(Household.random()))))
                .andReturn().getResponse().getStatus();
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in the page", start).isNotNegative();
        return text.substring(from + start.length(), text.indexOf(end, from + start.length())).trim();
    }
}
