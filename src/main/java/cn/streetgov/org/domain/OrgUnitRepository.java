package cn.streetgov.org.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, String> {

    List<OrgUnit> findAllByOrderByCodeAsc();

    List<OrgUnit> findByActiveTrueOrderByCodeAsc();

    boolean existsByCodeIgnoreCase(String code);
}
