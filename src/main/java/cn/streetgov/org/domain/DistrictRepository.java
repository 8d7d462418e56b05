package cn.streetgov.org.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DistrictRepository extends JpaRepository<District, String> {

    List<District> findAllByOrderByCodeAsc();

    boolean existsByCodeIgnoreCase(String code);
}
