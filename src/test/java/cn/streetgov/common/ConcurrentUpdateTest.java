package cn.streetgov.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.appointment.domain.ConsultationCase;
import cn.streetgov.appointment.domain.Suggestion;
import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.delegation.domain.DelegatedPower;
import cn.streetgov.delegation.domain.DelegationCase;
import cn.streetgov.delegation.domain.PowerRevocation;
import cn.streetgov.org.domain.Agency;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.whistle.domain.WhistleCase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every aggregate that two officials can update at the same moment (two tasks, two cases or a REST
 * call and a task) carries a version: the second of two concurrent updates fails instead of
 * silently overwriting the first, and is answered 409 ({@code ConcurrentRevocationTest} races two
 * updates of one of them over /engine-rest; the answers are {@code EngineRestErrorMapperTest}'s).
 */
@IntegrationTest
class ConcurrentUpdateTest {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @ParameterizedTest
    @ValueSource(classes = {DelegationCase.class, DelegatedPower.class, PowerRevocation.class, ConsultationCase.class,
            Suggestion.class, WhistleCase.class, AssessmentCase.class, AssessmentCampaign.class, Agency.class})
    void shouldVersionEveryAggregateTwoOfficialsMayUpdateAtOnce(Class<?> aggregate) {
        assertThat(entityManagerFactory.getMetamodel().entity(aggregate).hasVersionAttribute())
                .as("%s has a @Version attribute", aggregate.getSimpleName()).isTrue();
    }
}
