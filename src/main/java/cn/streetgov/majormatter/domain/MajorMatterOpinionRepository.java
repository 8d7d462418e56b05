package cn.streetgov.majormatter.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MajorMatterOpinionRepository extends JpaRepository<MajorMatterOpinion, Long> {

    List<MajorMatterOpinion> findByMatterIdOrderByIdAsc(Long matterId);

    Optional<MajorMatterOpinion> findByMatterIdAndOrgCode(Long matterId, String orgCode);
}
