package cn.streetgov.org.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgencyRepository extends JpaRepository<Agency, String> {

    List<Agency> findAllByOrderByCodeAsc();

    List<Agency> findByOrgCodeOrderByCodeAsc(String orgCode);

    List<Agency> findByDeptCodeOrderByCodeAsc(String deptCode);

    Optional<Agency> findByOrgCodeAndDeptCode(String orgCode, String deptCode);
}
