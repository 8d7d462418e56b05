package cn.streetgov.casework;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseDecisionRepository extends JpaRepository<CaseDecision, Long> {

    List<CaseDecision> findByCaseNoOrderByIdAsc(String caseNo);

    List<CaseDecision> findByProcessInstanceIdOrderByIdAsc(String processInstanceId);

    Optional<CaseDecision> findFirstByTaskIdAndTypeOrderByIdDesc(String taskId, CaseDecision.Type type);

    boolean existsByTaskIdAndType(String taskId, CaseDecision.Type type);

    boolean existsByProcessInstanceIdAndActorUser(String processInstanceId, String actorUser);

    boolean existsByProcessInstanceIdAndActorGroupIn(String processInstanceId, Collection<String> actorGroups);
}
