package org.hotline12345.workflow.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.cases.UnitId;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();
    private final UnitId lixia = UnitId.of("lixia");
    private final UnitId shizhong = UnitId.of("shizhong");

    @Test
    void onlyTheCurrentUnitSignsRepliesAndReturns() {
        Actor lixiaHandler = Actor.unitHandler("lixia", lixia);
        assertThatCode(() -> policy.checkMayPerform(lixiaHandler, Step.SIGN_FOR, lixia)).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.checkMayPerform(lixiaHandler, Step.REPLY, shizhong))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("'shizhong'");
        assertThatThrownBy(() -> policy.checkMayPerform(Actor.hotlineOffice("dispatcher", Role.DISPATCHER), Step.SIGN_FOR, lixia))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void onlyTheHotlineOfficeDispatchesReviewsAndCallsBack() {
        Actor leader = Actor.unitLeader("lixia-leader", lixia);
        for (Step step : new Step[] {Step.DISPATCH, Step.REVIEW, Step.CALLBACK, Step.DECIDE_RETURN}) {
            assertThatThrownBy(() -> policy.checkMayPerform(leader, step, lixia)).isInstanceOf(NotAuthorizedException.class);
            assertThatCode(() -> policy.checkMayPerform(Actor.hotlineOffice("dispatcher", Role.DISPATCHER), step, lixia))
                    .doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> policy.checkMayPerform(Actor.hotlineOffice("auditor", Role.AUDITOR), Step.DISPATCH, java.util.List.of()))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void aUnitSeesOnlyCasesItHasOrHadWhileAuditorsSeeAll() {
        assertThat(policy.maySee(Actor.unitHandler("lixia", lixia), java.util.Set.of(lixia))).isTrue();
        assertThat(policy.maySee(Actor.unitHandler("lixia", lixia), java.util.Set.of(shizhong, lixia))).as("formerly assigned").isTrue();
        assertThat(policy.maySee(Actor.unitHandler("lixia", lixia), java.util.Set.of(shizhong))).isFalse();
        assertThat(policy.maySee(Actor.hotlineOffice("auditor", Role.AUDITOR), java.util.Set.of(shizhong))).isTrue();
        assertThat(policy.maySeePersonalData(Actor.hotlineOffice("operator", Role.OPERATOR, Role.PERSONAL_DATA))).isTrue();
        assertThat(policy.maySeePersonalData(Actor.unitHandler("lixia", lixia))).isFalse();
    }
}
