package cn.streetgov.assessment.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AssessmentCampaignRepository extends JpaRepository<AssessmentCampaign, Long> {

    Optional<AssessmentCampaign> findByPeriod(String period);

    boolean existsByPeriod(String period);

    List<AssessmentCampaign> findAllByOrderByIdDesc();

    /** The campaign, locked until the transaction ends (select … for update). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from AssessmentCampaign c where c.id = :id")
    Optional<AssessmentCampaign> lockById(@Param("id") Long id);
}
