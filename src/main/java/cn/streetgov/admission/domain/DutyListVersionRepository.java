package cn.streetgov.admission.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DutyListVersionRepository extends JpaRepository<DutyListVersion, Long> {

    List<DutyListVersion> findByOrgCodeOrderByListVersionAsc(String orgCode);

    Optional<DutyListVersion> findFirstByOrgCodeOrderByListVersionDesc(String orgCode);

    boolean existsByOrgCode(String orgCode);
}
