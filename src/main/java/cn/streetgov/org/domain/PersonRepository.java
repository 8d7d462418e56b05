package cn.streetgov.org.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PersonRepository extends JpaRepository<Person, String> {

    List<Person> findAllByOrderByUsernameAsc();

    boolean existsByUsernameIgnoreCase(String username);

    /** The active people holding a post of one of the roles in the unit (street/town, department or agency). */
    @Query("select distinct p from Person p join p.posts post"
            + " where p.active = true and post.role in :roles and post.unitCode = :unitCode order by p.username")
    List<Person> findActiveHolders(@Param("roles") Collection<PostRole> roles, @Param("unitCode") String unitCode);

    /** The active people holding a post of a district-wide role (区委编办, 审计人员 …). */
    @Query("select distinct p from Person p join p.posts post"
            + " where p.active = true and post.role = :role and post.unitCode is null order by p.username")
    List<Person> findActiveDistrictHolders(@Param("role") PostRole role);
}
