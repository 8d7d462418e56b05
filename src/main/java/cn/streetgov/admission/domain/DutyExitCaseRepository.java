package cn.streetgov.admission.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DutyExitCaseRepository extends JpaRepository<DutyExitCase, Long> {

    Optional<DutyExitCase> findByCaseNo(String caseNo);

    List<DutyExitCase> findByOrgCodeAndDutyCodeAndStatusIn(String orgCode, String dutyCode, Collection<ExitStatus> statuses);
}
