package nl.startpakket.referral;

import static nl.startpakket.referral.PartnerPagesIT.between;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.referral.history.HistoricImports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The coordinator's page for history: only coordinators see it, it is in the staff navigation, the
 * dry run lists each refused row with its number and reason and offers no import, a clean file is
 * imported after confirmation, and the import is in the list and the audit trail.
 */
@ServiceIntegrationTest
class ImportPagesIT {

    static final RequestPostProcessor COORDINATOR = user("coordinator").roles("COORDINATOR");

    @Autowired
    WebApplicationContext context;

    @Autowired
    AuditTrail audit;

    @Autowired
    HistoricImports imports;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        // built on the shared context (no context of its own for MockMvc)
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void onlyACoordinatorSeesTheImportPageLinkedFromTheStaffNavigation() throws Exception {
        mvc.perform(get("/imports").with(user("volunteer").roles("VOLUNTEER"))).andExpect(status().isForbidden());
        mvc.perform(get("/imports").with(user("sociaal-team-huizen").roles("SOCIAL_TEAM"))).andExpect(status().isForbidden());
        assertThat(page(get("/partners").with(COORDINATOR))).contains("id=\"nav-imports\"", "href=\"/imports\"");
        assertThat(page(get("/imports").with(COORDINATOR))).contains("Geschiedenis importeren", "id=\"check-form\"");
    }

    @Test
    void theDryRunListsTheRefusedRowsAndOffersNoImportUntilTheyAreCorrected() throws Exception {
        String ref = "it-page-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "Referentie;Naam;Gemeente;Fase;Soort verwijzer;Aanmelddatum;Leverdatum;Gefactureerd\n"
                + ref + "-1;A. Jansen;GM0917;peuter;gemeente;08-03-2021;29-03-2021;ja\n"
                + ref + "-2;B. de Vries;GM0917;baby;gemeente;10-03-2021;01-03-2021;nee\n";
        String dryRun = page(multipart("/imports/check").file(file(csv)).with(COORDINATOR).with(csrf()));
        assertThat(between(dryRun, "id=\"dry-run-refused\">", "<")).isEqualTo("1");
        assertThat(between(dryRun, "id=\"refused-3\">", "</tr>")).contains("3", "lies before the referral date");
        assertThat(between(dryRun, "id=\"dry-run-ignored\">", "<")).isEqualTo("Naam");
        assertThat(dryRun).contains("id=\"fix-first\"").doesNotContain("id=\"confirm-form\"", "Jansen");
    }

    @Test
    void theDryRunOfAFileWithMoreRowsThanOneImportTakesSaysHowToSplitItAndOffersNoImport() throws Exception {
        StringBuilder csv = new StringBuilder("Gemeente;Fase;Soort verwijzer;Aanmelddatum;Leverdatum;Gefactureerd\n");
        for (int i = 0; i <= imports.maxRows(); i++) {
            csv.append("GM0917;peuter;overig;").append(String.format("%02d-03-2017", 1 + i % 28)).append(";;\n");
        }
        MockHttpSession session = new MockHttpSession();
        String dryRun = page(multipart("/imports/check").file(file(csv.toString())).session(session).with(COORDINATOR).with(csrf()));
        assertThat(between(dryRun, "id=\"too-many-rows\">", "<")).contains(String.format("%,d", imports.maxRows() + 1).replace(',', '.'),
                String.format("%,d", imports.maxRows()).replace(',', '.'));
        assertThat(dryRun).doesNotContain("id=\"confirm-form\"");
        assertThat(session.getAttribute("historyCheck")).as("nothing kept to confirm").isNull();
    }

    @Test
    void aCoordinatorImportsACleanFileAfterTheDryRun() throws Exception {
        String ref = "it-page-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "Referentie;Gemeente;Fase;Soort verwijzer;Aanmelddatum;Leverdatum;Gefactureerd\n"
                + ref + "-1;GM0917;peuter;gemeente;08-03-2021;29-03-2021;ja\n"
                + ref + "-2;GM0917;baby;verloskundige;10-03-2022;;nee\n";
        MockHttpSession session = new MockHttpSession();
        String dryRun = page(multipart("/imports/check").file(file(csv)).session(session).with(COORDINATOR).with(csrf()));
        assertThat(between(dryRun, "id=\"dry-run-accepted\">", "<")).isEqualTo("2");
        String importId = between(dryRun, "name=\"importId\" value=\"", "\"");
        assertThat(importId).startsWith("I-");

        MvcResult confirmed = mvc.perform(post("/imports").param("importId", importId).session(session).with(COORDINATOR).with(csrf()))
                .andExpect(redirectedUrl("/imports")).andReturn();
        String after = page(get("/imports").flashAttrs(confirmed.getFlashMap()).with(COORDINATOR));
        assertThat(between(after, "id=\"imported\">", "<")).contains("2");
        assertThat(eventually(() -> page(get("/imports").with(COORDINATOR)), "id=\"import-" + importId.substring(2) + "\""))
                .as("the import in the list").isTrue();
        assertThat(audit.recent(null, importId, 5)).extracting(AuditTrail.AuditEntry::action).contains("import-history");

        MvcResult again = mvc.perform(post("/imports").param("importId", importId).session(session).with(COORDINATOR).with(csrf()))
                .andExpect(redirectedUrl("/imports")).andReturn();
        assertThat(page(get("/imports").flashAttrs(again.getFlashMap()).with(COORDINATOR)))
                .as("the dry run is used up: check the file again").contains("id=\"expired\"");
        // the dry run knows the file from the list of imports (a projection: it shows the import complete shortly)
        assertThat(eventually(() -> page(multipart("/imports/check").file(file(csv)).with(COORDINATOR).with(csrf())),
                "id=\"dry-run-already\"")).as("the file known as imported").isTrue();
        assertThat(page(multipart("/imports/check").file(file(csv)).with(COORDINATOR).with(csrf())))
                .doesNotContain("id=\"confirm-form\"");
    }

    /** Whether the page shows the text within 30 s (the list is a tracking projection). */
    private static boolean eventually(java.util.concurrent.Callable<String> page, String text) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        do {
            if (page.call().contains(text)) {
                return true;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "heerlen.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    String page(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        result.getResponse().setCharacterEncoding("UTF-8");
        return result.getResponse().getContentAsString();
    }
}
