package nl.startpakket.referral.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    public static final String PARTNER_KEY = "partnerApiKey";
    public static final String STAFF = "staffBasic";

    @Bean
    public OpenAPI referralOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Startpakket referral API")
                        .version("v1")
                        .description("""
                                Refer parents for a baby starter package (BABY, during pregnancy) or a toddler package (TODDLER).

                                **Authentication.** Partners send their API key: `Authorization: Bearer <key>`. A coordinator \
                                issues keys (`POST /api/v1/partners/{partnerId}/keys`); a key is shown once and can be revoked. \
                                Staff endpoints use HTTP Basic.

                                **Retries.** Send an `Idempotency-Key` header (e.g. a UUID) with every new referral. A retry \
                                with the same key and the same body answers the same referral; the same key with another body \
                                answers 422.

                                **Decisions.** The answer to a submission already says `ACCEPTED` or `REJECTED` (reason \
                                `DUPLICATE` when the same household — postal code, house number and due or birth date — already \
                                has a referral for that package; you are told the status of that referral, not who made it).

                                **Status** then follows funding and fulfilment: `FUNDED` or `ON_HOLD`, `PACKING`, `PACKED`, \
                                `DELIVERED`; or `CANCELLED`. `history` lists every change.

                                **Errors** are `application/problem+json` (RFC 9457); invalid fields are listed in `errors` \
                                as `{field, message}` (English, or Dutch with `Accept-Language: nl`).

                                Demo keys (local stack only): `demo-verloskundige-huizen`, `demo-consultatiebureau-huizen` \
                                (GM0406), `demo-gemeente-heerlen` (GM0917)."""))
                .components(new Components()
                        .addSecuritySchemes(PARTNER_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("The partner's API key"))
                        .addSecuritySchemes(STAFF, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Staff account (COORDINATOR for partner management)")));
    }
}
