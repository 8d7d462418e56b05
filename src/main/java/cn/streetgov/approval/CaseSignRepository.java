package cn.streetgov.approval;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseSignRepository extends JpaRepository<CaseSign, Long> {

    List<CaseSign> findByParentTaskIdOrderByIdAsc(String parentTaskId);

    Optional<CaseSign> findFirstBySignTaskIdOrderByIdDesc(String signTaskId);
}
