package cn.streetgov.casework;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DoneStepRepository extends JpaRepository<DoneStep, Long> {

    Optional<DoneStep> findByProcessInstanceIdAndUserId(String processInstanceId, String userId);

    @Query(value = "select d from DoneStep d, IndexedCase c where c.processInstanceId = d.processInstanceId"
            + " and d.userId = :user" + IndexedCaseRepository.MATCHES + " order by d.doneAt desc, d.id desc",
            countQuery = "select count(d) from DoneStep d, IndexedCase c where c.processInstanceId = d.processInstanceId"
                    + " and d.userId = :user" + IndexedCaseRepository.MATCHES)
    Page<DoneStep> done(@Param("user") String user, @Param("state") String state, @Param("q") String q,
            Pageable page);
}
