package cn.streetgov.org.domain;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgChangeRepository extends JpaRepository<OrgChange, Long> {

    List<OrgChange> findAllByOrderByIdDesc(Pageable page);

    List<OrgChange> findByEntityTypeAndEntityCodeOrderByIdAsc(OrgChange.EntityType type, String code);
}
