package cn.streetgov.assessment.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssessmentResultRepository extends JpaRepository<AssessmentResult, Long> {

    List<AssessmentResult> findByCampaignIdAndDimensionOrderByCodeAsc(Long campaignId, String dimension);

    List<AssessmentResult> findByCampaignIdOrderByIdAsc(Long campaignId);
}
