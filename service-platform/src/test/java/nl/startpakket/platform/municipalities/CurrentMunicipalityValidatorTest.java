package nl.startpakket.platform.municipalities;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import nl.startpakket.municipalities.MunicipalityRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentMunicipalityValidatorTest {

    record Terms(@CurrentMunicipality String municipality) {
    }

    @TempDir
    Path directory;

    @Test
    void shouldAcceptACurrentMunicipality() {
        assertThat(validate(MunicipalityRegister.shipped(), "GM0344")).isEmpty();
    }

    @Test
    void shouldRefuseAMergedCodeNamingItsSuccessor() {
        assertThat(validate(MunicipalityRegister.shipped(), "GM0501")).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath().toString()).isEqualTo("municipality");
            assertThat(v.getMessage()).isEqualTo("GM0501 Brielle became part of GM1992 Voorne aan Zee on 2023-01-01.");
        });
    }

    @Test
    void shouldRefuseAnUnknownCodeNamingTheEdition() {
        assertThat(validate(MunicipalityRegister.shipped(), "GM9999")).extracting(ConstraintViolation::getMessage)
                .containsExactly("GM9999 is not a municipality in the CBS list of 2023-01-01.");
    }

    @Test
    void shouldLeaveMissingAndMalformedCodesToTheirOwnConstraints() {
        assertThat(validate(MunicipalityRegister.shipped(), null)).isEmpty();
        assertThat(validate(MunicipalityRegister.shipped(), "Huizen")).isEmpty();
    }

    @Test
    void shouldShowTheRegistersNamesAsTheyAreNotAsAMessageTemplate() throws IOException {
        Files.writeString(directory.resolve("gemeenten.csv"), "# edition: 2025-01-01\ncode;name\nGM0002;Nieuw {min} ${1+1}\n");
        Files.writeString(directory.resolve("herindelingen.csv"),
                "old code;old name;successor code;effective date\nGM0001;Oud \\ $ {max};GM0002;2024-01-01\n");

        assertThat(validate(MunicipalityRegister.fromDirectory(directory), "GM0001")).extracting(ConstraintViolation::getMessage)
                .containsExactly("GM0001 Oud \\ $ {max} became part of GM0002 Nieuw {min} ${1+1} on 2024-01-01.");
    }

    private static Set<ConstraintViolation<Terms>> validate(MunicipalityRegister register, String code) {
        ConstraintValidatorFactory defaults = Validation.byDefaultProvider().configure().getDefaultConstraintValidatorFactory();
        ConstraintValidatorFactory withRegister = new ConstraintValidatorFactory() {
            @Override
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                return key == CurrentMunicipalityValidator.class ? key.cast(new CurrentMunicipalityValidator(register))
                        : defaults.getInstance(key);
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
            }
        };
        try (var factory = Validation.byDefaultProvider().configure().constraintValidatorFactory(withRegister)
                .buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            return validator.validate(new Terms(code));
        }
    }
}
