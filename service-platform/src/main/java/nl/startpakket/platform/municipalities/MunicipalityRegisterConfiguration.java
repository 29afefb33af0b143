package nl.startpakket.platform.municipalities;

import java.nio.file.Path;
import java.util.Map;
import nl.startpakket.municipalities.MunicipalityRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The municipality register every service validates against and names municipalities from: the
 * shipped CBS edition, or the files in {@code startpakket.municipalities.dir}
 * ({@code STARTPAKKET_MUNICIPALITIES_DIR}) when an operator put a newer edition there. An invalid
 * file stops the service at start with the file and line, rather than letting it run on a
 * half-read list. {@code /actuator/info} shows the edition in use.
 */
@Configuration(proxyBeanMethods = false)
public class MunicipalityRegisterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MunicipalityRegisterConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public MunicipalityRegister municipalityRegister(@Value("${startpakket.municipalities.dir:}") String directory) {
        MunicipalityRegister register = directory.isBlank()
                ? MunicipalityRegister.shipped()
                : MunicipalityRegister.fromDirectory(Path.of(directory.strip()));
        log.info("Municipalities: {} of the CBS edition {}, from {}", register.all().size(), register.edition(), register.source());
        return register;
    }

    @Bean
    public InfoContributor municipalityRegisterInfo(MunicipalityRegister register) {
        return info -> info.withDetail("municipalities", Map.of(
                "edition", register.edition().toString(),
                "count", register.all().size(),
                "reorganisations", register.reorganisations().size()));
    }
}
