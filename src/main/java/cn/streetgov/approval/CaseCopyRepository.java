package cn.streetgov.approval;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseCopyRepository extends JpaRepository<CaseCopy, Long> {

    List<CaseCopy> findTop200ByRecipientUserOrderByIdDesc(String recipientUser);

    boolean existsByProcessInstanceIdAndRecipientUser(String processInstanceId, String recipientUser);

    long countByRecipientUserAndReadAtIsNull(String recipientUser);
}
