package cn.streetgov.admission.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DutyAdmissionTargetRepository extends JpaRepository<DutyAdmissionTarget, Long> {

    List<DutyAdmissionTarget> findByCaseIdOrderByIdAsc(Long caseId);

    Optional<DutyAdmissionTarget> findByCaseIdAndOrgCode(Long caseId, String orgCode);

    List<DutyAdmissionTarget> findByOrgCodeAndStatusInOrderByIdDesc(String orgCode, Collection<TargetStatus> statuses);
}
