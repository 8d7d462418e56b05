package cn.streetgov.assessment.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssessmentCampaignRepository extends JpaRepository<AssessmentCampaign, Long> {

    Optional<AssessmentCampaign> findByPeriod(String period);

    boolean existsByPeriod(String period);

    java.util.List<AssessmentCampaign> findAllByOrderByIdDesc();
}
