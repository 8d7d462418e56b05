package cn.streetgov.org.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgencyRepository extends JpaRepository<Agency, String> {

    List<Agency> findAllByOrderByCodeAsc();

    List<Agency> findByActiveTrueOrderByCodeAsc();

    List<Agency> findByOrgCodeAndActiveTrueOrderByCodeAsc(String orgCode);

    List<Agency> findByDeptCodeAndActiveTrueOrderByCodeAsc(String deptCode);

    Optional<Agency> findByOrgCodeAndDeptCodeAndActiveTrue(String orgCode, String deptCode);

    boolean existsByCodeIgnoreCase(String code);
}
