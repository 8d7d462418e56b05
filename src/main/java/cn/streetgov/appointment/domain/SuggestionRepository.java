package cn.streetgov.appointment.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SuggestionRepository extends JpaRepository<Suggestion, Long> {

    Optional<Suggestion> findBySuggestionNo(String suggestionNo);

    List<Suggestion> findByOrgCodeOrderByIdDesc(String orgCode);
}
