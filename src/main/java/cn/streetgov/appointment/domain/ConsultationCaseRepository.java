package cn.streetgov.appointment.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsultationCaseRepository extends JpaRepository<ConsultationCase, Long> {

    Optional<ConsultationCase> findByCaseNo(String caseNo);

    List<ConsultationCase> findByOrgCodeOrderByIdDesc(String orgCode);
}
