package cn.streetgov.org.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentRepository extends JpaRepository<Department, String> {

    List<Department> findAllByOrderByCodeAsc();

    List<Department> findByActiveTrueOrderByCodeAsc();

    boolean existsByCodeIgnoreCase(String code);
}
