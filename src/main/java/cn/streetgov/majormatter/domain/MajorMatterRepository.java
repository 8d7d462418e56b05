package cn.streetgov.majormatter.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MajorMatterRepository extends JpaRepository<MajorMatter, Long> {

    Optional<MajorMatter> findByCaseNo(String caseNo);

    @Query("select m from MajorMatter m where m.id in "
            + "(select o.matterId from MajorMatterOpinion o where o.orgCode = ?1) order by m.id desc")
    List<MajorMatter> concerning(String orgCode);
}
