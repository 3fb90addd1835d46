package org.hotline12345.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.InvalidCaseException.FieldError;
import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.Urgency;
import org.junit.jupiter.api.Test;

class IntakeRequestTest {

    private static IntakeRequest valid() {
        return new IntakeRequest(null, Channel.PHONE, Category.COMPLAINT, Urgency.NORMAL, "Street light out",
                "The light at the corner has been out for a week.", new Caller("张三", "13812345678", false, false),
                Location.of("历下区泉城路1号", "370102"));
    }

    private static void validate(IntakeRequest request) {
        Validation validation = new Validation();
        request.validate(validation);
        validation.throwIfInvalid();
    }

    @Test
    void aCompleteRequestPasses() {
        validate(valid());
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        IntakeRequest bad = new IntakeRequest(null, null, null, null, " ", "x".repeat(4001),
                new Caller("", "12345", false, false), new Location("addr", "37010", 91.0, null));
        assertThatThrownBy(() -> validate(bad))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields())
                        .extracting(FieldError::field)
                        .containsExactly("channel", "category", "subject", "description", "caller.name",
                                "caller.phone", "location.areaCode", "location.latitude"));
    }

    @Test
    void anAnonymousCallerNeedsNoNameOrPhone() {
        IntakeRequest anonymous = new IntakeRequest(null, Channel.WEB, Category.REPORT, null, "Noise at night", null,
                Caller.anonymousCaller(), null);
        validate(anonymous);
        assertThat(anonymous.urgencyOrDefault()).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void unknownEnumValuesAreReportedWithTheAcceptedValues() {
        Validation validation = new Validation();
        assertThat(validation.enumValue("category", Category.class, "complaint", true)).isEqualTo(Category.COMPLAINT);
        assertThat(validation.enumValue("category", Category.class, "GOSSIP", true)).isNull();
        assertThatThrownBy(validation::throwIfInvalid)
                .hasMessageContaining("category: unknown value 'GOSSIP'")
                .hasMessageContaining("CONSULTATION");
    }

    @Test
    void phoneNumbersInCommonMainlandForms() {
        assertThat(Caller.isWellFormedPhone("13812345678")).isTrue();
        assertThat(Caller.isWellFormedPhone("+86 13812345678")).isTrue();
        assertThat(Caller.isWellFormedPhone("0531-88888888")).isTrue();
        assertThat(Caller.isWellFormedPhone("12345")).isFalse();
        assertThat(Caller.isWellFormedPhone("1381234567a")).isFalse();
    }

    @Test
    void personalDataIsMaskedForThoseWithoutTheRight() {
        Caller caller = new Caller("张三丰", "13812345678", false, false);
        assertThat(caller.maskedName()).isEqualTo("张**");
        assertThat(caller.maskedPhone()).isEqualTo("138****5678");
    }
}
