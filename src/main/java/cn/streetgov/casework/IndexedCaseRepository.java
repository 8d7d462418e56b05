package cn.streetgov.casework;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IndexedCaseRepository extends JpaRepository<IndexedCase, Long> {

    /** {@code :state} is ALL, RUNNING or ENDED; {@code :q} a lower-case LIKE pattern escaped with '!'. */
    String MATCHES = " and (:state = 'ALL' or (:state = 'RUNNING' and c.endedAt is null)"
            + " or (:state = 'ENDED' and c.endedAt is not null))"
            + " and (lower(coalesce(c.caseNo, '')) like :q escape '!' or lower(coalesce(c.subject, '')) like :q escape '!')";

    Optional<IndexedCase> findByProcessInstanceId(String processInstanceId);

    List<IndexedCase> findByCaseNoOrderByIdAsc(String caseNo);

    List<IndexedCase> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

    List<IndexedCase> findByParentInstanceIdInAndEndedAtIsNull(Collection<String> parentInstanceIds);

    @Query(value = "select c from IndexedCase c where c.starterUser = :user" + MATCHES + " order by c.id desc",
            countQuery = "select count(c) from IndexedCase c where c.starterUser = :user" + MATCHES)
    Page<IndexedCase> started(@Param("user") String user, @Param("state") String state, @Param("q") String q,
            Pageable page);
}
