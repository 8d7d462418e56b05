package cn.streetgov.admission.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DutyItemRepository extends JpaRepository<DutyItem, Long> {

    List<DutyItem> findByOrgCodeOrderByIdAsc(String orgCode);

    List<DutyItem> findByOrgCodeAndRemovedInVersionIsNullOrderByIdAsc(String orgCode);

    Optional<DutyItem> findByOrgCodeAndCode(String orgCode, String code);
}
