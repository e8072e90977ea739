package io.cuadra.web.platform;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiParametersTest {

    enum Status { OPEN, CLOSED }

    private final ApiParameters provider = new ApiParameters();

    @SuppressWarnings("unused")
    private static void parameters(@QueryParam("from") LocalDate from, @QueryParam("status") Status status,
                                   @QueryParam("at") Instant at) {
    }

    private static Annotation[] annotationsOf(int index) throws NoSuchMethodException {
        return ApiParametersTest.class.getDeclaredMethod("parameters", LocalDate.class, Status.class, Instant.class)
                .getParameterAnnotations()[index];
    }

    @Test
    void datesEnumsAndInstantsAreReadByOneRule() throws Exception {
        ParamConverter<LocalDate> date = provider.getConverter(LocalDate.class, LocalDate.class, annotationsOf(0));
        ParamConverter<Status> status = provider.getConverter(Status.class, Status.class, annotationsOf(1));
        ParamConverter<Instant> at = provider.getConverter(Instant.class, Instant.class, annotationsOf(2));
        assertThat(date.fromString(" 2026-12-07 ")).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(status.fromString("closed")).isEqualTo(Status.CLOSED);
        assertThat(at.fromString("2026-12-07T10:00:00-05:00")).isEqualTo(Instant.parse("2026-12-07T15:00:00Z"));
        assertThat(date.fromString("")).isNull();
        assertThat(status.fromString("  ")).isNull();
        assertThat(date.toString(LocalDate.of(2026, 1, 2))).isEqualTo("2026-01-02");
        assertThat(status.toString(Status.OPEN)).isEqualTo("OPEN");
    }

    @Test
    void aValueThatIsNotOneIsA400NamingTheParameter() throws Exception {
        ParamConverter<LocalDate> date = provider.getConverter(LocalDate.class, LocalDate.class, annotationsOf(0));
        ParamConverter<Status> status = provider.getConverter(Status.class, Status.class, annotationsOf(1));
        assertThatThrownBy(() -> date.fromString("yesterday")).isInstanceOfSatisfying(BadParameter.class, e -> {
            assertThat(e.parameter()).isEqualTo("from");
            assertThat(e.reason()).contains("yyyy-MM-dd").contains("yesterday");
        });
        assertThatThrownBy(() -> status.fromString("AJAR")).isInstanceOfSatisfying(BadParameter.class, e -> {
            assertThat(e.parameter()).isEqualTo("status");
            assertThat(e.reason()).contains("OPEN, CLOSED");
        });
        assertThat(provider.getConverter(String.class, String.class, new Annotation[0])).isNull();
    }

    /** An enum that also reads a code of its own, as billing's document kinds read SUNAT's "01". */
    enum Kind {
        FACTURA, BOLETA;

        public static Kind byCode(String code) {
            return switch (code) {
                case "01" -> FACTURA;
                case "03" -> BOLETA;
                default -> throw new IllegalArgumentException(code);
            };
        }
    }

    @Test
    void idsCountsFlagsAndCodedEnumsFollowTheSameRule() {
        assertThat(ApiParameters.value("location", Long.class, " 961 ")).isEqualTo(961L);
        assertThat(ApiParameters.value("limit", Integer.class, "20")).isEqualTo(20);
        assertThat(ApiParameters.value("bottom", Boolean.class, "TRUE")).isTrue();
        assertThat(ApiParameters.value("bottom", Boolean.class, "")).isNull();
        assertThat(ApiParameters.value("type", Kind.class, "boleta")).isEqualTo(Kind.BOLETA);
        assertThat(ApiParameters.value("type", Kind.class, "01")).isEqualTo(Kind.FACTURA);
        assertThatThrownBy(() -> ApiParameters.value("location", Long.class, "961.0"))
                .isInstanceOfSatisfying(BadParameter.class, e -> assertThat(e.parameter()).isEqualTo("location"));
        assertThatThrownBy(() -> ApiParameters.value("bottom", Boolean.class, "yes"))
                .isInstanceOfSatisfying(BadParameter.class, e -> assertThat(e.reason()).contains("true or false"));
        assertThatThrownBy(() -> ApiParameters.value("type", Kind.class, "07"))
                .isInstanceOfSatisfying(BadParameter.class, e -> assertThat(e.reason()).contains("FACTURA, BOLETA"));
    }
}
