package cn.streetgov.delegation.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PowerItemRepository extends JpaRepository<PowerItem, String> {

    List<PowerItem> findAllByOrderByCodeAsc();

    List<PowerItem> findByDeptCodeOrderByCodeAsc(String deptCode);

    /** The items, locked until the transaction ends (select … for update), in code order. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from PowerItem i where i.code in :codes order by i.code")
    List<PowerItem> lockByCodes(@Param("codes") Collection<String> codes);
}
