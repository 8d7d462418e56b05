package cn.streetgov.admission.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DutyAdmissionCaseRepository extends JpaRepository<DutyAdmissionCase, Long> {

    Optional<DutyAdmissionCase> findByCaseNo(String caseNo);
}
