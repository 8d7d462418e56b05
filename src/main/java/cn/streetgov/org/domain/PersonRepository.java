package cn.streetgov.org.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonRepository extends JpaRepository<Person, String> {

    List<Person> findAllByOrderByUsernameAsc();
}
