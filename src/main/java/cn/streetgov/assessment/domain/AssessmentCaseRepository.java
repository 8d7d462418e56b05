package cn.streetgov.assessment.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssessmentCaseRepository extends JpaRepository<AssessmentCase, Long> {

    Optional<AssessmentCase> findByCaseNo(String caseNo);

    List<AssessmentCase> findByCampaignIdOrderByAgencyCodeAsc(Long campaignId);

    List<AssessmentCase> findByAgencyCodeInOrderByIdDesc(Collection<String> agencyCodes);

    long countByCampaignIdAndOrgCode(Long campaignId, String orgCode);

    long countByCampaignIdAndOrgCodeAndGradeAndIdNotAndCommitteeDecisionIsNotNull(Long campaignId, String orgCode,
            Grade grade, Long id);
}
