package cn.streetgov.delegation.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PowerItemRepository extends JpaRepository<PowerItem, String> {

    List<PowerItem> findAllByOrderByCodeAsc();

    List<PowerItem> findByDeptCodeOrderByCodeAsc(String deptCode);
}
